// SPDX-License-Identifier: MIT

package jsonxsd

import "strconv"

const restrictionMarker = "XmlSchemaSimpleTypeRestriction"

// nestedOccurs reads a nested sequence's own occurs from its elements.
// xsdjson pushes an optional sequence down to its elements (none is
// required, though some have minOccurs > 0) and a repeating one too (their
// named types become arrays without maxOccurs > 1). Evidence the context
// already explains says nothing.
func (c *converter) nestedOccurs(steps []step, ctx elemCtx) (optional, repeated bool) {
	var (
		count, required, minPositive int
		typed, arrays, unexplained   int
	)
	for _, st := range steps {
		props := object(st.o, "properties")
		if props == nil || st.o.Has("oneOf") || st.o.Has("allOf") || isGroupRef(st.o) {
			continue
		}
		for _, k := range props.Keys() {
			p := object(props, k)
			if p == nil || isTrue(p, "@xsdAttribute") {
				continue
			}
			count++
			if isRequired(st.o, k) {
				required++
			}
			if n, ok := integer(p.Value("@xsdMinOccurs")); !p.Has("@xsdMinOccurs") || (ok && n > 0) {
				minPositive++
			}
			s := p
			if isArray(p) {
				s = object(p, "items")
			}
			if s != nil && (s.Has("$ref") || c.isBuiltinUse(s) || structure(p) == restrictionMarker) {
				typed++
				if isArray(p) {
					arrays++
					if !explicitRepeat(p) {
						unexplained++
					}
				}
			}
		}
	}
	optional = !ctx.optional && count > 0 && required == 0 && minPositive > 0
	repeated = !ctx.repeated && unexplained > 0 && arrays == typed
	return optional, repeated
}

// explicitRepeat reports whether an element says itself that it repeats.
func explicitRepeat(p *obj) bool {
	v, ok := p.Get("@xsdMaxOccurs")
	if !ok {
		return false
	}
	if lit, _ := literal(v); lit == "unbounded" {
		return true
	}
	n, ok := integer(v)
	return ok && n > 1
}

func (c *converter) hasContextEvidence(s *obj, ctx elemCtx) bool {
	o, r := c.nestedOccurs([]step{{s, ""}}, ctx)
	return o || r
}

// hasGroupOccurs reports whether a model group's schema carries its own
// minOccurs/maxOccurs, as xsdjson writes them for sequences and choices.
func hasGroupOccurs(s *obj) bool { return s.Has("@xsdMinOccurs") || s.Has("@xsdMaxOccurs") }

// groupOccurs writes a group's explicit occurs onto n and returns the
// context its elements see.
func (c *converter) groupOccurs(n *node, s *obj, ctx elemCtx) elemCtx {
	if v, ok := integer(s.Value("@xsdMinOccurs")); ok {
		n.set("minOccurs", strconv.Itoa(v))
		ctx.optional = ctx.optional || v == 0
	}
	if lit, ok := literal(s.Value("@xsdMaxOccurs")); ok {
		if cnt, isNum := integer(s.Value("@xsdMaxOccurs")); lit == "unbounded" || isNum {
			ctx.repeated = ctx.repeated || lit == "unbounded" || cnt > 1
		} else {
			return ctx
		}
		n.set("maxOccurs", lit)
	}
	return ctx
}

// stripOccurs hides a group's own occurs from the step that carries them,
// so they are not read twice.
func stripOccurs(s *obj) *obj {
	if !hasGroupOccurs(s) {
		return s
	}
	out := cloneObj(s)
	out.Delete("@xsdMinOccurs")
	out.Delete("@xsdMaxOccurs")
	return out
}
