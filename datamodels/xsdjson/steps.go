// SPDX-License-Identifier: MIT

package xsdjson

import (
	"github.com/blankett/blankett/datamodels/xsd"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// props collects consecutive properties of an object, with their required
// flags, until a step boundary (a nested group, choice or sequence) comes.
type props struct {
	names    []string
	schemas  []*Object
	required []string
}

// add appends a property; a repeated name would silently overwrite in JSON,
// so it is an error, as it is in Altinn's dictionary-based builder.
func (p *props) add(at xsd.Pos, name string, s *Object, required bool) error {
	for _, n := range p.names {
		if n == name {
			return failAt(at, `"`+name+`"`, ErrInvalid, "two properties named %q in one object", name)
		}
	}
	p.names = append(p.names, name)
	p.schemas = append(p.schemas, s)
	if required {
		p.required = append(p.required, name)
	}
	return nil
}

// build writes the collected properties onto o and empties p.
func (p *props) build(o *Object) {
	if len(p.names) == 0 {
		return
	}
	m := jsonobj.New()
	for i, n := range p.names {
		m.Set(n, p.schemas[i])
	}
	o.Set("properties", m)
	if len(p.required) > 0 {
		o.Set("required", p.required)
	}
	*p = props{}
}

// flush turns the collected properties into one step.
func (p *props) flush(s *steps) {
	if len(p.names) == 0 {
		return
	}
	o := jsonobj.New()
	p.build(o)
	s.list = append(s.list, o)
}

// steps collects the subschemas of an allOf, the way Altinn's StepsBuilder does.
type steps struct{ list []*Object }

func (s *steps) add(o *Object) { s.list = append(s.list, o) }

// build sets allOf on o. Altinn would write an empty allOf for a type with no
// content; we leave it out, which validates the same.
func (s *steps) build(o *Object) {
	if len(s.list) == 0 {
		return
	}
	arr := make([]any, len(s.list))
	for i, x := range s.list {
		arr[i] = x
	}
	o.Set("allOf", arr)
}
