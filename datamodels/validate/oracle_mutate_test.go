// SPDX-License-Identifier: MIT

package validate

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/blankett/blankett/datamodels/xmljson"
)

// site is a member present in a generated instance.
type site struct {
	obj map[string]any
	mb  *xmljson.Member
	idx int  // index in an array member, or -1
	dry bool // only check whether the mutation applies
}

func (s site) set(v any) {
	if s.dry {
		return
	}
	if s.idx >= 0 {
		s.obj[s.mb.Name].([]any)[s.idx] = v
		return
	}
	s.obj[s.mb.Name] = v
}

// sites lists the members present in an instance, depth first.
func sites(t *xmljson.Type, v any, out []site) []site {
	obj, ok := v.(map[string]any)
	if !ok || t.Kind != xmljson.Complex {
		return out
	}
	for _, mb := range t.Members {
		x, ok := obj[mb.Name]
		if !ok {
			continue
		}
		if arr, isArr := x.([]any); isArr && mb.Array {
			out = append(out, site{obj: obj, mb: mb, idx: -1})
			for i, it := range arr {
				out = append(out, site{obj: obj, mb: mb, idx: i})
				out = sites(mb.Type, it, out)
			}
			continue
		}
		out = append(out, site{obj: obj, mb: mb, idx: -1})
		out = sites(mb.Type, x, out)
	}
	return out
}

// mutation breaks one rule at one site; it reports false when the site
// does not have the rule.
type mutation struct {
	name  string
	apply func(doc *facetsSource, s site) bool
}

// facetsSource gives mutations the facets of a member.
type facetsSource struct {
	m *xmljson.Model
}

func (fs *facetsSource) of(mb *xmljson.Member) *facets { return collectFacets(fs.m.Doc, mb.Schema) }

func simpleSite(s site) bool {
	return s.mb.Type.Kind == xmljson.Simple && !s.mb.Type.List && (s.idx >= 0 || !s.mb.Array)
}

var mutations = []mutation{
	{"missing required", func(_ *facetsSource, s site) bool {
		if !s.mb.Required || s.idx >= 0 || s.mb.Text {
			return false
		}
		if !s.dry {
			delete(s.obj, s.mb.Name)
		}
		return true
	}},
	{"too long", func(fs *facetsSource, s site) bool {
		f := fs.of(s.mb)
		if !simpleSite(s) || f.maxLen < 0 || f.typ != "string" || f.hasEnum {
			return false
		}
		s.set(strings.Repeat("7", f.maxLen+1))
		return true
	}},
	{"bad pattern", func(fs *facetsSource, s site) bool {
		f := fs.of(s.mb)
		if !simpleSite(s) || len(f.patterns) == 0 || f.hasEnum {
			return false
		}
		s.set("#%")
		return true
	}},
	{"bad enum", func(fs *facetsSource, s site) bool {
		f := fs.of(s.mb)
		if !simpleSite(s) || !f.hasEnum {
			return false
		}
		if f.typ == "integer" || f.typ == "number" {
			s.set(json.Number("987654"))
		} else {
			s.set("UGYLDIG")
		}
		return true
	}},
	{"too many items", func(_ *facetsSource, s site) bool {
		if !s.mb.Array || s.idx >= 0 || s.mb.MaxItems == xmljson.Unbounded {
			return false
		}
		arr := s.obj[s.mb.Name].([]any)
		for !s.dry && len(arr) <= s.mb.MaxItems {
			arr = append(arr, arr[0])
		}
		if !s.dry {
			s.obj[s.mb.Name] = arr
		}
		return true
	}},
	{"wrong date", func(fs *facetsSource, s site) bool {
		f := fs.of(s.mb)
		bad := map[string]string{"date": "2021-02-30", "date-time": "2021-02-30T10:00:00", "year": "21",
			"year-month": "2021-13", "time": "25:00:00"}[f.format]
		if !simpleSite(s) || bad == "" {
			return false
		}
		s.set(bad)
		return true
	}},
	{"too many digits", func(fs *facetsSource, s site) bool {
		f := fs.of(s.mb)
		if !simpleSite(s) || f.totalDigits <= 0 || f.totalDigits > 30 {
			return false
		}
		s.set(json.Number("1" + strings.Repeat("0", f.totalDigits)))
		return true
	}},
	{"too many decimals", func(fs *facetsSource, s site) bool {
		f := fs.of(s.mb)
		if !simpleSite(s) || f.fraction < 0 || f.typ != "number" {
			return false
		}
		s.set(json.Number("1." + strings.Repeat("1", f.fraction+1)))
		return true
	}},
	{"out of range", func(fs *facetsSource, s site) bool {
		f := fs.of(s.mb)
		if !simpleSite(s) || f.typ != "integer" && f.typ != "number" {
			return false
		}
		switch {
		case f.max != nil:
			s.set(json.Number(strconv.FormatFloat(*f.max+1, 'f', -1, 64)))
		case f.min != nil:
			s.set(json.Number(strconv.FormatFloat(*f.min-1, 'f', -1, 64)))
		case intRanges[f.xsdType][1] != nil:
			s.set(json.Number(new(bigInt).add1(intRanges[f.xsdType][1].String())))
		case intRanges[f.xsdType][0] != nil:
			s.set(json.Number("-1" + strings.TrimPrefix(intRanges[f.xsdType][0].String(), "-")))
		default:
			return false
		}
		return true
	}},
	{"wrong type", func(fs *facetsSource, s site) bool {
		f := fs.of(s.mb)
		if !simpleSite(s) || f.typ != "integer" && f.typ != "number" && f.typ != "boolean" {
			return false
		}
		s.set("abc")
		return true
	}},
}

type bigInt struct{}

// add1 adds one to a decimal integer string.
func (bigInt) add1(s string) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

// deepCopy copies a generated instance so that mutants do not share maps.
func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = deepCopy(x[i])
		}
		return out
	}
	return v
}

// mutants applies each mutation at up to two sites of the instance.
func mutants(m *xmljson.Model, inst any, rnd *rand.Rand) []struct {
	kind string
	v    any
} {
	var out []struct {
		kind string
		v    any
	}
	fs := &facetsSource{m: m}
	all := sites(m.Root.Type, inst, nil)
	for _, mu := range mutations {
		order := rnd.Perm(len(all))
		done := 0
		for _, i := range order {
			probe := all[i]
			probe.dry = true
			if !mu.apply(fs, probe) {
				continue
			}
			c := deepCopy(inst)
			ss := sites(m.Root.Type, c, nil)
			if mu.apply(fs, ss[i]) {
				out = append(out, struct {
					kind string
					v    any
				}{mu.name, c})
				done++
				if done == 2 {
					break
				}
			}
		}
	}
	return out
}
