// SPDX-License-Identifier: MIT

package instances

import (
	"context"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/runtime/internal/store"
)

// taskStartElements writes the auto-created form data elements of a task the
// process moves into, as Altinn creates them when a task starts, not only the
// first one (component-library's second task needs its model2). A data type
// the instance already holds, from an earlier visit to the task, is kept.
func (s *Service) taskStartElements(ctx context.Context, snap *Snapshot, task *process.Element, who string, now timeT) ([]store.DataElement, error) {
	rel := snap.Release
	ref := Ref{Org: rel.Org, App: rel.Name, PartyID: snap.row.PartyID, GUID: snap.row.GUID}
	els, err := s.autoCreate(ctx, rel, ref, task, who, now)
	if err != nil {
		return els, err
	}
	have := map[string]bool{}
	for _, e := range snap.elements {
		have[e.DataType] = true
	}
	out := els[:0]
	var drop []store.DataElement
	for _, e := range els {
		if have[e.DataType] {
			drop = append(drop, e)
			continue
		}
		out = append(out, e)
	}
	s.dropBlobs(drop)
	return out, nil
}
