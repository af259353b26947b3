// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"fmt"
	"maps"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/validation"
)

// subformSets maps the data types of the app's subform layout sets that belong to
// task to their sets: each element of such a type is one entry of a Subform
// component, validated on its own with its own layouts.
func subformSets(a *app.App, task string) map[string]*app.LayoutSet {
	var out map[string]*app.LayoutSet
	for _, ls := range a.LayoutSets {
		if ls.Type != "subform" || ls.DataType == "" {
			continue
		}
		if dt := a.Metadata.DataType(ls.DataType); dt == nil || dt.TaskID != task {
			continue
		}
		if out == nil {
			out = map[string]*app.LayoutSet{}
		}
		out[ls.DataType] = ls
	}
	return out
}

// withoutTypes is data without the given data types; data itself is never changed
// (it may be the decoded-form cache's).
func withoutTypes(data map[string]any, types map[string]*app.LayoutSet) map[string]any {
	copied := false
	for dt := range types {
		if _, ok := data[dt]; !ok {
			continue
		}
		if !copied {
			data, copied = maps.Clone(data), true
		}
		delete(data, dt)
	}
	return data
}

// validateSubforms validates every subform entry of the task with its subform
// layout set, as Altinn does: an entry's required fields, expressions and schema
// are its own, and its issues name its data element.
func (s *Service) validateSubforms(ctx context.Context, snap *Snapshot, base validation.Input, sets map[string]*app.LayoutSet) ([]validation.Issue, error) {
	var out []validation.Issue
	for _, e := range snap.elements {
		ls, ok := sets[e.DataType]
		if !ok {
			continue
		}
		v, err := s.decodeElement(ctx, snap, e, true)
		if err != nil {
			return nil, err
		}
		in := base
		in.LayoutSet, in.Data, in.Elements = ls, map[string]any{e.DataType: v}, nil
		issues, err := snap.Release.Validator.Validate(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("instances: validate subform entry %s: %w", e.GUID, err)
		}
		for _, is := range issues {
			// The entry's own issues only: the data-type checks (counts of elements)
			// belong to the task and were made there.
			if is.DataType != e.DataType {
				continue
			}
			is.DataElementID = e.GUID
			out = append(out, is)
		}
	}
	return out, nil
}
