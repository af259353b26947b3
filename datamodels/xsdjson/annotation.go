// SPDX-License-Identifier: MIT

package xsdjson

import (
	"github.com/blankett/blankett/datamodels/jsonobj"

	"strings"

	"github.com/blankett/blankett/datamodels/xsd"
)

// derivationSet spells blockDefault/finalDefault as .NET's
// XmlSchemaDerivationMethod flags print: "None", "All" or "Extension, Restriction".
func derivationSet(v string) string {
	if v == "" {
		return "None"
	}
	if v == "#all" {
		return "All"
	}
	var out []string
	for _, name := range []string{"substitution", "extension", "restriction", "list", "union"} {
		for _, f := range strings.Fields(v) {
			if f == name {
				out = append(out, strings.ToUpper(name[:1])+name[1:])
				break
			}
		}
	}
	if len(out) == 0 {
		return "Empty"
	}
	return strings.Join(out, ", ")
}

// annotate puts a component's annotation into $comment as XML, each
// documentation and appinfo wrapped in <documentation> or <appInfo>.
func annotate(a *xsd.Annotation, o *Object) {
	if a == nil {
		return
	}
	if s := commentXML(a.Items); s != "" {
		o.Set("$comment", s)
	}
}

func commentXML(items []*xsd.AnnotationItem) string {
	var sb strings.Builder
	for _, it := range items {
		if len(it.Markup) == 0 {
			continue
		}
		tag := "documentation"
		if it.AppInfo {
			tag = "appInfo"
		}
		sb.WriteString("<" + tag + ">" + xsd.MarkupXML(it.Markup) + "</" + tag + ">")
	}
	return sb.String()
}

// schemaAnnotation turns a schema-level annotation into info: each
// <xs:attribute name=… fixed=…> inside its first documentation becomes a
// member, which is how SERES and Altinn Studio store model metadata. Any
// other content would be lost that way, so it goes to $comment instead
// (Altinn drops it).
func (c *converter) schemaAnnotation(a *xsd.Annotation, top *Object) {
	var (
		doc  *xsd.AnnotationItem
		rest []*xsd.AnnotationItem
	)
	for _, it := range a.Items {
		if doc == nil && !it.AppInfo {
			doc = it
			continue
		}
		rest = append(rest, it)
	}
	if doc != nil {
		info := jsonobj.New()
		var other []*xsd.Node
		for _, n := range doc.Markup {
			if n.Kind == xsd.ElementNode && n.Name.Space == xsd.NamespaceXSD && n.Name.Local == "attribute" {
				name, _ := n.Attr("name")
				if strings.TrimSpace(name) == "" {
					continue
				}
				if v, ok := n.Attr("fixed"); ok {
					info.Set(name, v)
				} else {
					info.Set(name, nil)
				}
				continue
			}
			other = append(other, n)
		}
		top.Set("info", info)
		if len(other) > 0 {
			rest = append([]*xsd.AnnotationItem{{Markup: other}}, rest...)
		}
	}
	if s := commentXML(rest); s != "" {
		top.Set("$comment", s)
	}
}
