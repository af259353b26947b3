// SPDX-License-Identifier: MIT

package xsdjson

import (
	"github.com/blankett/blankett/datamodels/jsonobj"

	"io/fs"

	"github.com/blankett/blankett/datamodels/xsd"
)

// ConvertFile loads the schema name from fsys (following includes) and
// converts it.
func ConvertFile(fsys fs.FS, name string, opts xsd.Options) (*Object, error) {
	set, err := xsd.Load(fsys, name, opts)
	if err != nil {
		return nil, err
	}
	return Convert(set)
}

// Convert turns a loaded schema into a JSON Schema in Altinn's dialect. The
// first global element is the root: a root of a named type becomes
// oneOf [{$ref}], any other root is inlined at the top. Every other global
// component goes under $defs. Components of included schemas are converted
// as if they were written in the main schema; imports are not supported,
// because $defs has one namespace.
func Convert(set *xsd.Set) (*Object, error) {
	c := &converter{set: set}
	s := set.Main
	top := jsonobj.New()
	top.Set("$schema", "https://json-schema.org/draft/2020-12/schema")
	top.Set("$id", "schema.json")
	top.Set("type", "object")
	ns := jsonobj.New()
	for _, d := range s.Namespaces {
		ns.Set(d.Prefix, d.URI)
	}
	top.Set("@xsdNamespaces", ns)
	top.Set("@xsdSchemaAttributes", schemaAttributes(s))
	if len(s.Foreign) > 0 {
		top.Set("@xsdUnhandledAttributes", unhandled(s.Foreign))
	}

	type def struct {
		name   string
		schema *Object
		at     xsd.Pos
	}
	var (
		defs      []def
		root      *def
		rootIndex = -1
		visited   = map[*xsd.Schema]bool{}
	)
	var walk func(sc *xsd.Schema) error
	walk = func(sc *xsd.Schema) error {
		if visited[sc] {
			return nil
		}
		visited[sc] = true
		for _, it := range sc.Items {
			var (
				d   def
				err error
			)
			switch x := it.(type) {
			case *xsd.Annotation:
				if sc == s {
					c.schemaAnnotation(x, top)
				}
				continue
			case *xsd.Include:
				if err := walk(x.Schema); err != nil {
					return err
				}
				continue
			case *xsd.Import:
				return failAt(x.Pos, "xs:import", ErrUnsupported, "imports are not supported: $defs cannot hold components of two namespaces")
			case *xsd.SimpleType:
				d.name, d.at = x.Name, x.Pos
				d.schema, err = c.simpleTypeSchema(x, false, false)
			case *xsd.ComplexType:
				d.name, d.at = x.Name, x.Pos
				d.schema, err = c.complexTypeSchema(x)
			case *xsd.Group:
				d.name, d.at = x.Name, x.Pos
				d.schema = jsonobj.New()
				err = c.group(x, d.schema)
			case *xsd.Element:
				d.name, d.at = x.Name, x.Pos
				d.schema, err = c.element(x, false, false)
			case *xsd.Attribute:
				d.name, d.at = x.Name, x.Pos
				d.schema, err = c.attribute(x, false, false)
			case *xsd.AttributeGroup:
				d.name, d.at = x.Name, x.Pos
				d.schema, err = c.attributeGroup(x)
			}
			if err != nil {
				return err
			}
			defs = append(defs, d)
			if _, isElem := it.(*xsd.Element); isElem && root == nil && sc == s {
				root, rootIndex = &d, len(defs)-1
			}
		}
		return nil
	}
	if err := walk(s); err != nil {
		return nil, err
	}

	if root != nil {
		top.Set("@xsdRootElement", root.name)
		if ref, ok := root.schema.Get("$ref"); ok {
			top.Set("oneOf", []any{jsonobj.New().Set("$ref", ref)})
		} else {
			for _, k := range root.schema.Keys() {
				switch k {
				case "$schema", "$id", "type", "@xsdNamespaces", "@xsdSchemaAttributes":
				default:
					top.Set(k, root.schema.Value(k))
				}
			}
		}
	}
	dm := jsonobj.New()
	for i, d := range defs {
		// Altinn drops every global component named like the root element,
		// so a root element of a same-named type points at a missing $def;
		// we drop only the root element itself.
		if i == rootIndex {
			continue
		}
		if dm.Has(d.name) {
			return nil, failAt(d.at, `"`+d.name+`"`, ErrUnsupported, "two global components named %q; $defs has one name space for types, groups, elements and attributes", d.name)
		}
		dm.Set(d.name, d.schema)
	}
	if dm.Len() > 0 {
		top.Set("$defs", dm)
	}
	return Normalize(top), nil
}

type converter struct {
	set *xsd.Set
}

func ref(name string) string { return "#/$defs/" + name }

func schemaAttributes(s *xsd.Schema) *Object {
	o := jsonobj.New()
	o.Set("AttributeFormDefault", formName(s.AttributeFormDefault))
	o.Set("ElementFormDefault", formName(s.ElementFormDefault))
	o.Set("BlockDefault", derivationSet(s.BlockDefault))
	o.Set("FinalDefault", derivationSet(s.FinalDefault))
	if s.TargetNamespace != "" && s.HasTargetNamespace {
		o.Set("TargetNamespace", s.TargetNamespace)
	}
	// Altinn drops version=; keeping it lets JSON Schema → XSD restore it.
	if s.Version != "" {
		o.Set("Version", s.Version)
	}
	return o
}

// formName spells a form default as .NET's XmlSchemaForm enum does.
func formName(v string) string {
	switch v {
	case "qualified":
		return "Qualified"
	case "unqualified":
		return "Unqualified"
	}
	return "None"
}

func unhandled(attrs []xsd.Attr) *Object {
	o := jsonobj.New()
	for _, a := range attrs {
		o.Set(a.Name.String(), a.Value)
	}
	return o
}
