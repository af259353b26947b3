// SPDX-License-Identifier: MIT

package jsonxsd

import "fmt"

// validate applies the checks of Altinn's AltinnJsonSchemaValidator, which
// Altinn runs before converting: no properties beside oneOf/allOf at the
// root, no object without properties, every $ref resolvable. It reports the
// first problem and how many more there are.
func validate(doc *obj) error {
	v := &validator{doc: doc, seen: map[string]bool{}}
	if doc.Has("properties") && (doc.Has("oneOf") || doc.Has("allOf")) {
		v.issue("#", "properties beside oneOf/allOf", "the root has both properties and a composition keyword, so it is unclear which is the root element")
	}
	if props := object(doc, "properties"); props != nil {
		for _, k := range props.Keys() {
			if p := object(props, k); p != nil {
				v.sub(p, child("#", "properties", k))
			}
		}
	}
	for i, x := range array(doc, "oneOf") {
		if p, ok := x.(*obj); ok {
			v.sub(p, child("#", "oneOf", i))
		}
	}
	if len(v.issues) == 0 {
		return nil
	}
	first := v.issues[0]
	if n := len(v.issues) - 1; n > 0 {
		first.Msg += fmt.Sprintf(" (and %d more problems)", n)
	}
	return first
}

type validator struct {
	doc    *obj
	seen   map[string]bool
	issues []*Error
}

func (v *validator) issue(ptr, construct, msg string) {
	v.issues = append(v.issues, &Error{Pointer: ptr, Construct: construct, Msg: msg, Err: ErrIncompatible})
}

func (v *validator) sub(s *obj, ptr string) {
	if r, ok := str(s, "$ref"); ok {
		target, tptr := resolve(v.doc, r)
		if target == nil {
			v.issue(ptr, `$ref "`+r+`"`, "the reference does not resolve")
			return
		}
		if v.seen[tptr] {
			return
		}
		v.seen[tptr] = true
		v.sub(target, tptr)
		return
	}
	switch t, _ := str(s, "type"); t {
	case "object":
		props := object(s, "properties")
		if props == nil {
			v.issue(ptr, `"type": "object"`, "an object without properties has no XSD form")
		}
		if props != nil {
			for _, k := range props.Keys() {
				if p := object(props, k); p != nil {
					v.sub(p, child(ptr, "properties", k))
				}
			}
		}
		for i, x := range array(s, "oneOf") {
			if p, ok := x.(*obj); ok {
				v.sub(p, child(ptr, "oneOf", i))
			}
		}
	case "array":
		if it := object(s, "items"); it != nil {
			v.sub(it, child(ptr, "items"))
		}
	}
}

// resolve follows a local JSON pointer reference.
func resolve(doc *obj, ref string) (*obj, string) {
	if len(ref) < 2 || ref[0] != '#' || ref[1] != '/' {
		return nil, ""
	}
	cur := doc
	for _, tok := range splitPointer(ref[2:]) {
		next := object(cur, tok)
		if next == nil {
			return nil, ""
		}
		cur = next
	}
	return cur, ref
}

func splitPointer(p string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(p); i++ {
		if i == len(p) || p[i] == '/' {
			tok := p[start:i]
			out = append(out, unescapeToken(tok))
			start = i + 1
		}
	}
	return out
}

func unescapeToken(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '~' && i+1 < len(s) {
			switch s[i+1] {
			case '0':
				out = append(out, '~')
				i++
				continue
			case '1':
				out = append(out, '/')
				i++
				continue
			}
		}
		out = append(out, s[i])
	}
	return string(out)
}
