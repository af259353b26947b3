// SPDX-License-Identifier: MIT

package instances

import (
	"encoding/json"
	"maps"
	"slices"
)

// docCache keeps documents decoded by their JSON text. An instance and its data
// elements are loaded on every request that names them, mostly unchanged since
// the last one, and decoding their stored documents was 9 % of a form page's
// CPU. Callers always get their own copy, since they change what they load.
type docCache[T any] struct {
	clone func(*T) T
	kept  cache[string, *T]
}

// maxCachedDocs bounds each cache.
const maxCachedDocs = 4096

var (
	instanceDocs = docCache[Instance]{clone: (*Instance).clone, kept: cache[string, *Instance]{max: maxCachedDocs}}
	elementDocs  = docCache[DataElement]{clone: (*DataElement).clone, kept: cache[string, *DataElement]{max: maxCachedDocs}}
)

// decode returns text decoded into a fresh T.
func (c *docCache[T]) decode(text string) (T, error) {
	if v, ok := c.kept.get(text); ok {
		return c.clone(v), nil
	}
	var d T
	if err := json.Unmarshal([]byte(text), &d); err != nil {
		return d, err
	}
	kept := c.clone(&d)
	c.kept.put(text, &kept)
	return d, nil
}

// clone returns a copy of in that shares nothing that can be changed with it.
func (in *Instance) clone() Instance {
	c := *in
	c.SelfLinks = clonePtr(in.SelfLinks)
	c.DueBefore, c.VisibleAfter = clonePtr(in.DueBefore), clonePtr(in.VisibleAfter)
	if in.Process != nil {
		p := *in.Process
		p.Started, p.Ended = clonePtr(p.Started), clonePtr(p.Ended)
		if p.CurrentTask != nil {
			t := *p.CurrentTask
			t.Started, t.Ended = clonePtr(t.Started), clonePtr(t.Ended)
			p.CurrentTask = &t
		}
		c.Process = &p
	}
	if in.Status != nil {
		s := *in.Status
		s.Archived, s.SoftDeleted, s.HardDeleted = clonePtr(s.Archived), clonePtr(s.SoftDeleted), clonePtr(s.HardDeleted)
		s.Substatus = clonePtr(s.Substatus)
		c.Status = &s
	}
	c.CompleteConfirmations = slices.Clone(in.CompleteConfirmations)
	if in.Data != nil {
		c.Data = make([]DataElement, len(in.Data))
		for i := range in.Data {
			c.Data[i] = in.Data[i].clone()
		}
	}
	c.PresentationTexts, c.DataValues = maps.Clone(in.PresentationTexts), maps.Clone(in.DataValues)
	return c
}

// clone returns a copy of d that shares nothing that can be changed with it.
func (d *DataElement) clone() DataElement {
	c := *d
	c.SelfLinks = clonePtr(d.SelfLinks)
	c.Tags = slices.Clone(d.Tags)
	return c
}

// clonePtr returns a pointer to a copy of *p, or nil.
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
