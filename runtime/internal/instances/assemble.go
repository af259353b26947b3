// SPDX-License-Identifier: MIT

package instances

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blankett/blankett/runtime/internal/store"
)

// assemble makes the Snapshot of an instance from its row and its data element
// rows in store.ListDataElements order. load uses it on rows it read;
// Instantiate, PatchData and ProcessNext on the rows they have just written, as
// the store returned them (timestamps already normalised), which saves reading
// back what they wrote: two queries per write. The *AnswersAsGet tests hold
// each to Get's result.
func assemble(ref Ref, rel relT, row store.Instance, els []store.DataElement) (*Snapshot, error) {
	doc, err := instanceDocs.decode(row.Document)
	if err != nil {
		return nil, fmt.Errorf("instances: document of %s: %w", ref.ID(), err)
	}
	// UTC whatever the driver returns (pgx gives time.Local), so the JSON and the
	// ETag (httpx.TimeETag) show the same text.
	doc.Created, doc.LastChanged, doc.LastChangedBy = row.Created.UTC(), row.LastChanged.UTC(), row.LastChangedBy
	doc.Data = make([]DataElement, 0, len(els))
	for _, e := range els {
		d, err := elementDoc(rel.ID, e)
		if err != nil {
			return nil, err
		}
		doc.Data = append(doc.Data, d)
	}
	return &Snapshot{Instance: &doc, Release: rel, row: row, elements: els}, nil
}

// sortAsStored orders element rows as store.ListDataElements returns them
// (created, then guid), for an answer built from rows just written.
func sortAsStored(els []store.DataElement) {
	slices.SortStableFunc(els, func(a, b store.DataElement) int {
		return cmp.Or(a.Created.Compare(b.Created), strings.Compare(a.GUID, b.GUID))
	})
}

// auditEvent is the instance event typ, with the process state info, recorded at
// now by the platform user user (platformUser's JSON).
func auditEvent(row store.Instance, typ string, now time.Time, user string, info *ProcessState) store.InstanceEvent {
	return store.InstanceEvent{InstanceGUID: row.GUID, PartyID: row.PartyID, EventType: typ, Created: now, User: user,
		ProcessInfo: mustJSON(info)}
}
