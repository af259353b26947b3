// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"errors"
	"fmt"
)

// ErrElementUnchanged marks a save whose element row could not be written
// (locked, or gone): SaveElement's, or a Writes' ReplaceDataElement. Nothing of
// the change was written.
var ErrElementUnchanged = errors.New("store: data element unchanged")

// ElementUnchangedError is the error of such a save: element GUID was not
// written, and Err says why (ErrConflict: it is locked; ErrNotFound: it is
// gone). It is ErrElementUnchanged and Err to errors.Is.
type ElementUnchangedError struct {
	GUID string
	Err  error
}

func (e *ElementUnchangedError) Error() string {
	return fmt.Sprintf("%v: %v", ErrElementUnchanged, e.Err)
}

// Unwrap gives ErrElementUnchanged and the reason.
func (e *ElementUnchangedError) Unwrap() []error { return []error{ErrElementUnchanged, e.Err} }

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
