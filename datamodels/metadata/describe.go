// SPDX-License-Identifier: MIT

package metadata

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// restrictionKeywords are the value constraints a field reports.
func isRestriction(k string) bool {
	return slices.Contains([]string{"minLength", "maxLength", "pattern", "enum", "minimum", "maximum",
		"exclusiveMinimum", "exclusiveMaximum", "multipleOf", "totalDigits",
		"formatMinimum", "formatMaximum", "formatExclusiveMinimum", "formatExclusiveMaximum"}, k)
}

// description is what a value schema says once its $ref and allOf chain is
// followed. The schema nearest the property wins, because XSD restrictions
// only narrow their base.
type description struct {
	typ, xsdType, format string
	fixed                any
	restrictions         map[string]any
	nillable, attribute  bool
	text, object         bool
}

const maxChain = 64

func (w *walker) describe(s *jsonobj.Object, depth int) (description, error) {
	var d description
	return d, w.describeInto(s, &d, depth)
}

func (w *walker) describeInto(s *jsonobj.Object, d *description, depth int) error {
	if depth > maxChain {
		return nil
	}
	if err := w.step(); err != nil {
		return err
	}
	if t, nullable := jsonType(s); t != "" && d.typ == "" {
		d.typ = t
		d.nillable = d.nillable || nullable
	}
	if x := str(s, "@xsdType"); x != "" && !strings.HasPrefix(x, "#") {
		switch x {
		case "XmlAttribute":
			d.attribute = true
		default:
			if d.xsdType == "" && !strings.HasPrefix(x, "Xml") {
				d.xsdType = x
			}
		}
	}
	if b, _ := s.Value("@xsdAttribute").(bool); b {
		d.attribute = true
	}
	if b, _ := s.Value("@xsdText").(bool); b {
		d.text = true
	}
	if b, _ := s.Value("@xsdNillable").(bool); b {
		d.nillable = true
	}
	if f := str(s, "format"); f != "" && d.format == "" {
		d.format = f
	}
	if s.Has("const") && d.fixed == nil {
		d.fixed = s.Value("const")
	}
	if s.Has("properties") || s.Has("oneOf") || s.Value("@xsdStructure") == "all" {
		d.object = true
	}
	for _, k := range s.Keys() {
		if !isRestriction(k) {
			continue
		}
		if d.restrictions == nil {
			d.restrictions = map[string]any{}
		}
		if _, seen := d.restrictions[k]; !seen {
			d.restrictions[k] = plain(s.Value(k))
		}
	}
	// Later allOf steps carry the facets of a restriction, earlier ones its
	// base, so walk them from the end.
	if arr, ok := s.Value("allOf").([]any); ok {
		for i := len(arr) - 1; i >= 0; i-- {
			if sub, ok := arr[i].(*jsonobj.Object); ok {
				if err := w.describeInto(sub, d, depth+1); err != nil {
					return err
				}
			}
		}
	}
	if ref := str(s, "$ref"); ref != "" {
		target, _, err := w.resolve(ref)
		if err != nil {
			return err
		}
		return w.describeInto(target, d, depth+1)
	}
	return nil
}

// jsonType returns the single non-null type of a schema and whether null is
// also allowed.
func jsonType(s *jsonobj.Object) (string, bool) {
	switch t := s.Value("type").(type) {
	case string:
		return t, false
	case []any:
		var main string
		nullable := false
		for _, x := range t {
			if x == "null" {
				nullable = true
			} else if v, ok := x.(string); ok && main == "" {
				main = v
			}
		}
		return main, nullable
	}
	return "", false
}

// plain turns decoded JSON into plain Go values for callers.
func plain(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return i
		}
		if f, err := x.Float64(); err == nil {
			return f
		}
		return string(x)
	case []any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = plain(x[i])
		}
		return out
	}
	return v
}

func str(o *jsonobj.Object, k string) string {
	s, _ := o.Value(k).(string)
	return s
}

func intOr(o *jsonobj.Object, k string, def int) int {
	if n, ok := o.Value(k).(json.Number); ok {
		if i, err := strconv.Atoi(string(n)); err == nil {
			return i
		}
	}
	return def
}

// pointerEscaper escapes a JSON pointer token (RFC 6901); built once because a
// replacer per call dominated model loading.
var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return pointerEscaper.Replace(s)
}

func contains(list []string, s string) bool { return slices.Contains(list, s) }

func find(fs []*FieldInfo, name string) *FieldInfo {
	for _, f := range fs {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// merge folds a restatement of a field (same name, later step) into it.
func merge(into, from *FieldInfo) {
	for k, v := range from.Restrictions {
		if into.Restrictions == nil {
			into.Restrictions = map[string]any{}
		}
		into.Restrictions[k] = v
	}
	if into.Type == "" {
		into.Type, into.XsdType, into.Format = from.Type, from.XsdType, from.Format
	}
	if from.Fixed != nil {
		into.Fixed = from.Fixed
	}
	into.MinOccurs = max(into.MinOccurs, from.MinOccurs)
	into.Children = append(into.Children, from.Children...)
}
