// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"errors"
)

// ErrElementUnchanged marks a save whose element row could not be written
// (locked, or gone): SaveElement's, or a Writes' ReplaceDataElement. Nothing of
// the change was written.
var ErrElementUnchanged = errors.New("store: data element unchanged")

// SaveElement is one save of a data element's content, all or nothing: the
// instance row as UpdateInstance writes it (version-checked; in.Version and
// in.LastChanged move on), the element row as ReplaceDataElement writes it
// (only while unlocked; ErrElementUnchanged otherwise) and the event that
// records it, as AppendEvent would. It is one Writes, so on PostgreSQL one
// round trip where BEGIN, three statements and COMMIT took five. The PUT of
// form data, which holds the submissions' slowest tail, saves through here.
func (s *Store) SaveElement(ctx context.Context, in *Instance, d *DataElement, ev InstanceEvent) error {
	w := s.Writes()
	w.UpdateInstance(in)
	w.ReplaceDataElement(d)
	w.WriteEvents(EventWrite{Audit: []InstanceEvent{ev}})
	return w.Commit(ctx)
}
