// SPDX-License-Identifier: MIT

package jsonxsd

import "github.com/blankett/blankett/datamodels/jsonobj"

// step is one member of the allOf that xsdjson builds for a content model:
// a run of properties, a nested group, a group reference or a base type.
type step struct {
	o   *obj
	ptr string
}

// stepsOf undoes the normaliser: a schema with allOf lists its members, any
// other schema is one step. Properties written beside allOf come first.
func stepsOf(s *obj, ptr string) []step {
	all := array(s, "allOf")
	if len(all) == 0 {
		return []step{{s, ptr}}
	}
	var out []step
	if s.Has("properties") {
		p := jsonobj.New().Set("properties", s.Value("properties"))
		if s.Has("required") {
			p.Set("required", s.Value("required"))
		}
		out = append(out, step{p, ptr})
	}
	for i, x := range all {
		if sub, ok := x.(*obj); ok {
			out = append(out, step{sub, child(ptr, "allOf", i)})
		}
	}
	return out
}

// isAttrStep reports whether a step is a run of attributes only.
func isAttrStep(s *obj) bool {
	props := object(s, "properties")
	if props == nil || props.Len() == 0 || s.Has("oneOf") || s.Has("allOf") {
		return false
	}
	for _, k := range props.Keys() {
		if p := object(props, k); p == nil || !isTrue(p, "@xsdAttribute") {
			return false
		}
	}
	return true
}

// isPlainRef reports whether a step is a bare reference to a base type.
func isPlainRef(s *obj) bool {
	return s.Has("$ref") && !isGroupRef(s) && !s.Has("properties") && !s.Has("allOf") && !s.Has("oneOf")
}
