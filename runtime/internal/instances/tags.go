// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"regexp"
	"slices"

	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
)

// CodeTagInvalid refuses a tag that is not letters, '-' and '_'.
const CodeTagInvalid = "tag_invalid"

// maxTags bounds the tags of one element, maxTagLen one tag.
const (
	maxTags   = 100
	maxTagLen = 100
)

// tagPattern is what a tag may hold, as Altinn: letters of any script, '-' and '_'.
var tagPattern = regexp.MustCompile(`^[\p{L}\-_]+$`)

// CheckTags reports the first tag that may not be stored, as an ErrInvalid *Error.
func CheckTags(tags []string) error {
	if len(tags) > maxTags {
		return fail(ErrInvalid, CodeTagInvalid, "an element holds at most %d tags", maxTags)
	}
	for _, t := range tags {
		if len(t) > maxTagLen || !tagPattern.MatchString(t) {
			return fail(ErrInvalid, CodeTagInvalid, "tag %q: a tag is 1 to %d letters, '-' and '_'", t, maxTagLen)
		}
	}
	return nil
}

// SetTags replaces the tags of data element dataGUID with tags (sorted, each once)
// and returns the element. The element must be unlocked and its instance active,
// as for any other change of it.
func (s *Service) SetTags(ctx context.Context, c authz.Caller, snap *Snapshot, dataGUID string, tags []string) (*DataElement, error) {
	if err := CheckTags(tags); err != nil {
		return nil, err
	}
	cur, err := snap.Element(dataGUID)
	if err != nil {
		return nil, err
	}
	if err := snap.writable(); err != nil {
		return nil, err
	}
	if cur.Locked {
		return nil, fail(ErrConflict, CodeLocked, "data element %s is locked", dataGUID)
	}
	tags = slices.Compact(slices.Sorted(slices.Values(tags)))
	if slices.Equal(tags, cur.Tags) {
		return cur, nil
	}
	now, who := s.clock(), by(c)
	d := *cur
	d.Tags, d.LastChanged, d.LastChangedBy = tags, now, who
	err = s.st.Tx(ctx, func(tx *store.Store) error {
		if err := saveDoc(ctx, tx, snap, who, now); err != nil {
			return err
		}
		row := store.DataElement{GUID: dataGUID, InstanceGUID: snap.row.GUID, LastChangedBy: who, Document: mustJSON(d)}
		if err := tx.UpdateDataElementDocument(ctx, &row); err != nil {
			return fail(ErrConflict, CodeLocked, "data element %s is locked", dataGUID)
		}
		return s.dataEvent(ctx, tx, c, snap, EventSaved, dataGUID)
	})
	if err != nil {
		return nil, err
	}
	return &d, nil
}
