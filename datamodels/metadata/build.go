// SPDX-License-Identifier: MIT

package metadata

import (
	"fmt"
	"strings"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// FromJSON builds the field tree of a JSON Schema document.
func FromJSON(data []byte) (*Model, error) {
	v, err := jsonobj.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	doc, ok := v.(*jsonobj.Object)
	if !ok {
		return nil, fmt.Errorf("%w: the document is not a JSON object", ErrInvalid)
	}
	return New(doc)
}

// New builds the field tree of a decoded JSON Schema document.
func New(doc *jsonobj.Object) (*Model, error) {
	w := &walker{doc: doc}
	m := &Model{Root: str(doc, "@xsdRootElement")}
	rootSchema, rootPtr := doc, ""
	props, _ := doc.Value("properties").(*jsonobj.Object)
	switch {
	case m.Root == "" && !doc.Has("oneOf") && props != nil && props.Len() > 0:
		// Older Altinn schemas: the root element is the first property.
		m.Root = props.Keys()[0]
		rootSchema, _ = props.Value(m.Root).(*jsonobj.Object)
		rootPtr = "/properties/" + escape(m.Root)
	case m.Root == "":
		if info, ok := doc.Value("info").(*jsonobj.Object); ok {
			m.Root = str(info, "meldingsnavn")
		}
	}
	if rootSchema == nil {
		return nil, fmt.Errorf("%w: root element %q has no schema", ErrInvalid, m.Root)
	}
	root := &FieldInfo{Name: m.Root, XPath: "/" + m.Root, Pointer: "#" + rootPtr}
	fields, err := w.members(rootSchema, rootPtr, root, false)
	if err != nil {
		return nil, err
	}
	m.Fields = fields
	return m, nil
}

type walker struct {
	doc    *jsonobj.Object
	refs   []string // $refs being expanded, to stop recursive types
	fields int
	steps  int // schema nodes visited, against shared-$ref blow-ups
}

// MaxSteps caps the schema nodes one build visits. A few $refs reused in
// several allOf branches can otherwise multiply the work exponentially.
const MaxSteps = 500_000

func (w *walker) step() error {
	w.steps++
	if w.steps > MaxSteps {
		return fmt.Errorf("%w: more than %d schema nodes visited", ErrTooLarge, MaxSteps)
	}
	return nil
}

// members returns the fields declared by an object schema: its properties,
// and those of its $ref, allOf steps and oneOf/anyOf branches (choices, so
// never required). A name declared twice (a simpleContent restriction
// restates "value") is merged into the first.
func (w *walker) members(s *jsonobj.Object, ptr string, parent *FieldInfo, choice bool) ([]*FieldInfo, error) {
	if err := w.step(); err != nil {
		return nil, err
	}
	var out []*FieldInfo
	add := func(fs []*FieldInfo) {
		for _, f := range fs {
			if prev := find(out, f.Name); prev != nil {
				merge(prev, f)
				continue
			}
			out = append(out, f)
		}
	}
	if ref := str(s, "$ref"); ref != "" {
		if contains(w.refs, ref) {
			parent.Recursive = true
			return nil, nil
		}
		target, tptr, err := w.resolve(ref)
		if err != nil {
			return nil, err
		}
		w.refs = append(w.refs, ref)
		fs, err := w.members(target, tptr, parent, choice)
		w.refs = w.refs[:len(w.refs)-1]
		if err != nil {
			return nil, err
		}
		add(fs)
	}
	for _, kw := range []string{"allOf", "oneOf", "anyOf"} {
		arr, _ := s.Value(kw).([]any)
		for i, x := range arr {
			sub, ok := x.(*jsonobj.Object)
			if !ok {
				continue
			}
			// A one-branch oneOf (the SERES root) is no choice.
			isChoice := kw != "allOf" && len(arr) > 1
			fs, err := w.members(sub, fmt.Sprintf("%s/%s/%d", ptr, kw, i), parent, choice || isChoice)
			if err != nil {
				return nil, err
			}
			add(fs)
		}
	}
	props, _ := s.Value("properties").(*jsonobj.Object)
	if props == nil {
		return out, nil
	}
	required := map[string]bool{}
	if arr, ok := s.Value("required").([]any); ok {
		for _, r := range arr {
			if name, ok := r.(string); ok {
				required[name] = !choice
			}
		}
	}
	var own []*FieldInfo
	for _, name := range props.Keys() {
		sub, ok := props.Value(name).(*jsonobj.Object)
		if !ok {
			continue
		}
		f, err := w.field(name, sub, ptr+"/properties/"+escape(name), required[name], parent)
		if err != nil {
			return nil, err
		}
		own = append(own, f)
	}
	add(own)
	return out, nil
}

// field describes one property and, for groups, its children.
func (w *walker) field(name string, s *jsonobj.Object, ptr string, required bool, parent *FieldInfo) (*FieldInfo, error) {
	w.fields++
	if w.fields > MaxFields {
		return nil, fmt.Errorf("%w: more than %d", ErrTooLarge, MaxFields)
	}
	f := &FieldInfo{Name: name, Pointer: "#" + ptr, MaxOccurs: 1}
	if required {
		f.MinOccurs = 1
	}
	if parent.Path == "" {
		f.Path = name
	} else {
		f.Path = parent.Path + "." + name
	}
	t, nullable := jsonType(s)
	if t == "array" {
		if items, ok := s.Value("items").(*jsonobj.Object); ok {
			f.Repeating, f.Nillable = true, nullable
			f.MinOccurs, f.MaxOccurs = intOr(s, "minItems", 0), intOr(s, "maxItems", Unbounded)
			s, ptr = items, ptr+"/items"
		}
	}
	d, err := w.describe(s, 0)
	if err != nil {
		return nil, err
	}
	f.Type, f.XsdType, f.Format, f.Fixed, f.Restrictions = d.typ, d.xsdType, d.format, d.fixed, d.restrictions
	f.Nillable = f.Nillable || d.nillable
	f.Text = d.text
	switch {
	case d.attribute:
		f.Kind, f.XPath = Attribute, parent.XPath+"/@"+name
	case d.text:
		f.Kind, f.XPath = Field, parent.XPath
	default:
		f.Kind, f.XPath = Field, parent.XPath+"/"+name
	}
	if f.Kind == Attribute || f.Text {
		return f, nil
	}
	children, err := w.members(s, ptr, f, false)
	if err != nil {
		return nil, err
	}
	if len(children) > 0 || d.object || f.Recursive {
		f.Kind, f.Type, f.Children = Group, "object", children
		f.XsdType, f.Format = "", ""
	}
	return f, nil
}

func (w *walker) resolve(ref string) (*jsonobj.Object, string, error) {
	if !strings.HasPrefix(ref, "#") {
		return nil, "", fmt.Errorf("%w: $ref %q is not local to the document", ErrInvalid, ref)
	}
	ptr := strings.TrimPrefix(ref, "#")
	var cur any = w.doc
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		if ptr == "" {
			break
		}
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		o, ok := cur.(*jsonobj.Object)
		if !ok || !o.Has(tok) {
			return nil, "", fmt.Errorf("%w: $ref %q points nowhere", ErrInvalid, ref)
		}
		cur = o.Value(tok)
	}
	o, ok := cur.(*jsonobj.Object)
	if !ok {
		return nil, "", fmt.Errorf("%w: $ref %q does not point at a schema", ErrInvalid, ref)
	}
	return o, ptr, nil
}
