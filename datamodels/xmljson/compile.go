// SPDX-License-Identifier: MIT

package xmljson

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// MaxTypes caps the number of types a model may have.
const MaxTypes = 100_000

// CompileJSON decodes a JSON Schema document and compiles it.
func CompileJSON(data []byte) (*Model, error) {
	v, err := jsonobj.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSchema, err)
	}
	doc, ok := v.(*jsonobj.Object)
	if !ok {
		return nil, fmt.Errorf("%w: the document is not a JSON object", ErrSchema)
	}
	return Compile(doc)
}

// Compile builds the conversion model of a JSON Schema document in Altinn's
// dialect. The root element is @xsdRootElement (older schemas: info
// .meldingsnavn, or the first top-level property); its content is the
// document's own properties, allOf or oneOf [{$ref}].
func Compile(doc *jsonobj.Object) (*Model, error) {
	c := &compiler{doc: doc, m: &Model{Doc: doc, nested: map[int]bool{}}, memo: map[*jsonobj.Object]*Type{}}
	c.schemaAttributes()
	rootName := str(doc, "@xsdRootElement")
	rootSchema, rootPtr := doc, ""
	props, _ := doc.Value("properties").(*jsonobj.Object)
	switch {
	case rootName == "" && !doc.Has("oneOf") && props != nil && props.Len() > 0:
		rootName = props.Keys()[0]
		rootSchema, _ = props.Value(rootName).(*jsonobj.Object)
		rootPtr = "/properties/" + escape(rootName)
	case rootName == "":
		if info, ok := doc.Value("info").(*jsonobj.Object); ok {
			rootName = str(info, "meldingsnavn")
		}
	}
	if rootName == "" || rootSchema == nil {
		return nil, fmt.Errorf("%w: no root element (@xsdRootElement)", ErrSchema)
	}
	t, err := c.typeOf(rootSchema, rootPtr)
	if err != nil {
		return nil, err
	}
	c.m.Root = &Member{Name: rootName, Namespace: c.m.TargetNamespace, Type: t, Required: true,
		MaxItems: 1, Pointer: rootPtr, Schema: rootSchema}
	return c.m, nil
}

type compiler struct {
	doc      *jsonobj.Object
	m        *Model
	memo     map[*jsonobj.Object]*Type
	qualElem bool
	qualAttr bool
}

func (c *compiler) schemaAttributes() {
	if sa, ok := c.doc.Value("@xsdSchemaAttributes").(*jsonobj.Object); ok {
		c.m.TargetNamespace = str(sa, "TargetNamespace")
		c.qualElem = str(sa, "ElementFormDefault") == "Qualified"
		c.qualAttr = str(sa, "AttributeFormDefault") == "Qualified"
		c.m.qualElem = c.qualElem
	}
	c.m.Prefix = "ns"
	if ns, ok := c.doc.Value("@xsdNamespaces").(*jsonobj.Object); ok && c.m.TargetNamespace != "" {
		for _, p := range ns.Keys() {
			if p != "" && str(ns, p) == c.m.TargetNamespace {
				c.m.Prefix = p
				break
			}
		}
	}
}

// typeOf compiles the type a schema describes, once per schema node.
func (c *compiler) typeOf(s *jsonobj.Object, ptr string) (*Type, error) {
	if t, ok := c.memo[s]; ok {
		return t, nil
	}
	c.m.types++
	if c.m.types > MaxTypes {
		return nil, fmt.Errorf("%w: more than %d types", ErrSchema, MaxTypes)
	}
	t := &Type{Pointer: "#" + ptr, Schema: s, byName: map[string]*Member{},
		elems: map[string]*Member{}, attrs: map[string]*Member{}}
	c.memo[s] = t
	f := &facts{}
	if err := c.collect(s, ptr, t, f, scope{}, nil); err != nil {
		return nil, err
	}
	t.XSDType = f.xsdType
	switch {
	case len(t.Members) > 0 || t.AnyElement || t.AnyAttribute || f.object:
		t.Kind = Complex
	case f.xsdType == "anyType":
		t.Kind = Any
	case f.jsonType != "":
		t.Kind = Simple
	default:
		// A complex type without content ({}) has no members.
		t.Kind = Complex
	}
	if f.jsonType == "array" && t.Kind == Simple {
		t.List = true
		t.Scalar = f.itemScalar
	} else {
		t.Scalar = scalarOf(f.jsonType)
	}
	for i, mb := range t.Members {
		mb.index = i
		t.choices = t.choices || len(mb.Choices) > 0
	}
	return t, nil
}

// facts gathers what a restriction chain says about a value; the schema
// nearest the property wins.
type facts struct {
	jsonType, xsdType string
	itemScalar        Scalar
	object            bool
}

// scope is where members being collected sit: their choice branches and
// whether they belong to an xs:all.
type scope struct {
	choices []ChoiceBranch
	all     bool
	group   int // repeating sequence the members sit in (outermost), or 0
}

// collect adds the members and facts of s (and of its $ref, allOf steps and
// oneOf/anyOf branches) to t. chain holds the schemas being collected, to
// stop $ref and allOf cycles that would never reach a property.
func (c *compiler) collect(s *jsonobj.Object, ptr string, t *Type, f *facts, sc scope, chain []*jsonobj.Object) error {
	if slices.Contains(chain, s) {
		return fmt.Errorf("%w: %s refers to itself without a property in between", ErrSchema, ptrText(ptr))
	}
	if len(chain) > 256 {
		return fmt.Errorf("%w: %s: $ref/allOf chain deeper than 256", ErrSchema, ptrText(ptr))
	}
	chain = append(chain, s)
	c.facts(s, f)
	if str(s, "@xsdStructure") == "all" {
		sc.all = true
	}
	if repeats(s) && !s.Has("oneOf") && !s.Has("anyOf") {
		if sc.group == 0 {
			c.m.groups++
			sc.group = c.m.groups
		} else {
			// Passes are checked only for groups without inner ones.
			c.m.nested[sc.group] = true
		}
	}
	if str(s, "@xsdType") == "#any" {
		t.AnyElement = true
	}
	if s.Has("@xsdAnyAttribute") {
		t.AnyAttribute = true
	}
	if ref := str(s, "$ref"); ref != "" {
		target, tptr, err := c.resolve(ref)
		if err != nil {
			return fmt.Errorf("%w (at %s)", err, ptrText(ptr))
		}
		if err := c.collect(target, tptr, t, f, sc, chain); err != nil {
			return err
		}
	}
	if arr, ok := s.Value("allOf").([]any); ok {
		for i, x := range arr {
			if sub, ok := x.(*jsonobj.Object); ok {
				if err := c.collect(sub, fmt.Sprintf("%s/allOf/%d", ptr, i), t, f, sc, chain); err != nil {
					return err
				}
			}
		}
	}
	for _, kw := range []string{"oneOf", "anyOf"} {
		arr, _ := s.Value(kw).([]any)
		inner := sc
		choice := -1
		if len(arr) > 1 && !repeats(s) {
			choice = c.m.choices
			c.m.choices++
		}
		for i, x := range arr {
			sub, ok := x.(*jsonobj.Object)
			if !ok {
				continue
			}
			if choice >= 0 {
				inner.choices = append(slices.Clip(sc.choices), ChoiceBranch{choice, i})
			}
			if err := c.collect(sub, fmt.Sprintf("%s/%s/%d", ptr, kw, i), t, f, inner, chain); err != nil {
				return err
			}
		}
	}
	props, _ := s.Value("properties").(*jsonobj.Object)
	if props == nil {
		return nil
	}
	required := map[string]bool{}
	for _, name := range stringList(s.Value("required")) {
		required[name] = len(sc.choices) == 0
	}
	for _, name := range props.Keys() {
		ps, ok := props.Value(name).(*jsonobj.Object)
		if !ok {
			continue
		}
		if err := c.member(t, name, ps, ptr+"/properties/"+escape(name), required[name], sc); err != nil {
			return err
		}
	}
	return nil
}

// facts records the value facts of one schema node.
func (c *compiler) facts(s *jsonobj.Object, f *facts) {
	if jt, _ := jsonType(s); jt != "" && f.jsonType == "" {
		f.jsonType = jt
		if jt == "object" {
			f.object = true
		}
		if jt == "array" {
			if items, ok := s.Value("items").(*jsonobj.Object); ok {
				f.itemScalar = scalarOf(c.valueType(items))
			}
		}
	}
	if x := str(s, "@xsdType"); x != "" && !strings.HasPrefix(x, "#") && !strings.HasPrefix(x, "Xml") && f.xsdType == "" {
		f.xsdType = x
	}
}

// valueType follows $ref and allOf to the first JSON type of a value schema.
func (c *compiler) valueType(s *jsonobj.Object) string {
	for depth := 0; s != nil && depth < 64; depth++ {
		if jt, _ := jsonType(s); jt != "" {
			return jt
		}
		var next *jsonobj.Object
		if ref := str(s, "$ref"); ref != "" {
			next, _, _ = c.resolve(ref)
		} else if arr, ok := s.Value("allOf").([]any); ok && len(arr) > 0 {
			for _, x := range arr {
				if sub, ok := x.(*jsonobj.Object); ok {
					if jt := c.valueType(sub); jt != "" {
						return jt
					}
				}
			}
		}
		s = next
	}
	return ""
}

func scalarOf(jsonType string) Scalar {
	switch jsonType {
	case "integer":
		return Integer
	case "number":
		return Number
	case "boolean":
		return Boolean
	}
	return String
}

func (c *compiler) resolve(ref string) (*jsonobj.Object, string, error) {
	if !strings.HasPrefix(ref, "#") {
		return nil, "", fmt.Errorf("%w: $ref %q is not local to the document", ErrSchema, ref)
	}
	ptr := strings.TrimPrefix(ref, "#")
	var cur any = c.doc
	if ptr != "" {
		for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
			tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
			o, ok := cur.(*jsonobj.Object)
			if !ok || !o.Has(tok) {
				return nil, "", fmt.Errorf("%w: $ref %q points nowhere", ErrSchema, ref)
			}
			cur = o.Value(tok)
		}
	}
	o, ok := cur.(*jsonobj.Object)
	if !ok {
		return nil, "", fmt.Errorf("%w: $ref %q does not point at a schema", ErrSchema, ref)
	}
	return o, ptr, nil
}

func str(o *jsonobj.Object, k string) string {
	s, _ := o.Value(k).(string)
	return s
}

// jsonType returns the single non-null type of a schema and whether null is
// also allowed.
func jsonType(s *jsonobj.Object) (string, bool) {
	switch t := s.Value("type").(type) {
	case string:
		return t, t == "null"
	case []any, []string:
		var main string
		nullable := false
		for _, x := range stringList(t) {
			if x == "null" {
				nullable = true
			} else if main == "" {
				main = x
			}
		}
		return main, nullable
	}
	return "", false
}

func intOr(o *jsonobj.Object, k string, def int) int {
	if n, ok := o.Value(k).(json.Number); ok {
		if i, err := n.Int64(); err == nil && i >= 0 && i < 1<<31 {
			return int(i)
		}
	}
	return def
}

func escape(s string) string { return strings.NewReplacer("~", "~0", "/", "~1").Replace(s) }

func ptrText(ptr string) string {
	if ptr == "" {
		return "#"
	}
	return "#" + ptr
}

// stringList reads an array of strings, as decoded ([]any) or as built by
// datamodels/xsdjson ([]string).
func stringList(v any) []string {
	switch x := v.(type) {
	case []string:
		return x
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// repeats reports a choice with maxOccurs > 1 (@xsdMaxOccurs): several of
// its branches may then be used.
func repeats(s *jsonobj.Object) bool {
	switch x := s.Value("@xsdMaxOccurs").(type) {
	case string:
		return x == "unbounded" || x != "1" && x != "0"
	case json.Number:
		return x != "1" && x != "0"
	case int:
		return x > 1
	}
	return false
}
