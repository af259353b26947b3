// SPDX-License-Identifier: MIT

package render

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// fileName is the name shown for a data element.
func fileName(e DataElement) string {
	if e.Filename != "" {
		return e.Filename
	}
	return e.ID
}

// fileSize writes a size for people.
func fileSize(n int64) string {
	switch {
	case n <= 0:
		return ""
	case n < 1024:
		return fmt.Sprintf("(%d B)", n)
	case n < 1024*1024:
		return fmt.Sprintf("(%.0f kB)", float64(n)/1024)
	}
	return fmt.Sprintf("(%.1f MB)", float64(n)/(1024*1024))
}

// attachments are the data elements a FileUpload instance shows: those of
// its data type (the component id), limited to the ids its binding holds
// when it has one (inside repeating groups).
func (st *state) attachments(n *layouttree.Node, c *component.Component) []DataElement {
	var ids []string
	bound := false
	for _, key := range []string{"simpleBinding", "list"} {
		if f, ok := st.binding(n, key); ok {
			bound = true
			v := st.lookup(f)
			if l := v.AsList(); l != nil {
				for _, x := range l {
					ids = append(ids, valueText(x))
				}
			} else if s := valueText(v); s != "" {
				ids = append(ids, s)
			}
		}
	}
	var out []DataElement
	for _, e := range st.c.Elements {
		if e.DataType == c.ID && (!bound || slices.Contains(ids, e.ID)) {
			out = append(out, e)
		}
	}
	return out
}

// upload renders FileUpload, FileUploadWithTag and ImageUpload: the files
// already uploaded (with delete buttons), a file input named
// "_file:<target>" and an upload button. The page form becomes
// multipart/form-data.
func (st *state) upload(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := st.base(n, c, ctx, "upload")
	target := Target{Component: c.ID, Rows: n.Rows()}
	v.Name = FilePrefix + target.String()
	v.Multiple = true
	var fp *component.FileUploadProps
	switch p := c.Props.(type) {
	case *component.FileUploadProps:
		fp = p
	case *component.FileUploadWithTagProps:
		fp = &p.FileUploadProps
	case *component.ImageUploadProps:
		v.Accept, v.Multiple = "image/*", false
	}
	if fp != nil {
		v.Accept = st.accept(c, fp)
		if fp.MaxNumberOfAttachments != nil {
			if val, err := fp.MaxNumberOfAttachments.Parsed.Eval(st.env, n.Scope()); err == nil && valueText(val) == "1" {
				v.Multiple = false
			}
		}
	}
	var tags []choice
	if c.Type == "FileUploadWithTag" {
		tags = st.options(n, c)
	}
	for _, e := range st.attachments(n, c) {
		it := item{ID: v.ID + "-file-" + e.ID, Text: escape(fileName(e)), Plain: fileName(e), Href: st.urls.Attachment(e)}
		val := fileSize(e.Size)
		for _, t := range e.Tags {
			val += " " + labelOf(tags, t)
		}
		it.Value = escape(strings.TrimSpace(val))
		if !v.ReadOnly {
			it.Button = &button{Action: Action{Kind: ActDeleteFile, Component: c.ID, Rows: n.Rows(), Arg: e.ID}.String(),
				Text: escape(ui(st.lang, uiDeleteFile)), SRText: fileName(e), Variant: "tertiary", Color: "danger"}
		}
		v.Items = append(v.Items, it)
	}
	if !v.ReadOnly {
		st.multipart = true
		if c.Type == "FileUploadWithTag" {
			tag := &view{Kind: "select", ID: v.ID + "-tag", Comp: c.ID, UI: st.ui, Name: TagPrefix + target.String(),
				Title: st.inline(c, "tagTitle", n.Scope())}
			if tag.Title == "" {
				tag.Title = escape(ui(st.lang, uiTag))
			}
			tag.Options = viewOptions(tag.ID, tags, nil, nil)
			v.Extra = append(v.Extra, tag)
		}
		v.Buttons = []button{{Action: Action{Kind: ActUpload, Component: c.ID, Rows: n.Rows()}.String(),
			Text: escape(ui(st.lang, uiUpload)), Variant: "secondary"}}
	}
	st.labelFallback(v, n, c)
	st.msgs(v, n)
	return v
}

// accept lists the file types an upload takes: validFileEndings when
// hasCustomFileEndings, else the data type's allowed content types.
func (st *state) accept(c *component.Component, p *component.FileUploadProps) string {
	if p.HasCustomFileEndings != nil && *p.HasCustomFileEndings && len(p.ValidFileEndings) > 0 {
		var list []string
		var one string
		if json.Unmarshal(p.ValidFileEndings, &list) != nil && json.Unmarshal(p.ValidFileEndings, &one) == nil {
			list = strings.Split(one, ",")
		}
		for i := range list {
			list[i] = strings.TrimSpace(list[i])
		}
		return strings.Join(list, ",")
	}
	if dt := st.app.Metadata.DataType(c.ID); dt != nil {
		return strings.Join(dt.AllowedContentTypes, ",")
	}
	return ""
}
