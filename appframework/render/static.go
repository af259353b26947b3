// SPDX-License-Identifier: MIT

package render

import (
	"encoding/json"
	"strings"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// header renders Header: the page's h1 when it is the first heading and a
// top-level size L, else a heading at its size, kept in order.
func (st *state) header(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := &view{Kind: "heading", ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	v.Title = st.inline(c, "title", n.Scope())
	size := ""
	if p, ok := c.Props.(*component.HeaderProps); ok {
		size = strings.ToUpper(p.Size)
	}
	want := 2
	switch size {
	case "M", "H3":
		want = 3
	case "S", "H4", "XS", "H5", "H6":
		want = 4
	}
	if v.Title == "" {
		return nil
	}
	// Altinn pages start at L/h2, below the app name in its chrome; here
	// the fragment's first such heading is the page's h1.
	if ctx.top && (size == "L" || size == "" || size == "H1" || size == "H2") && st.takeH1() {
		v.Level = 1
		return v
	}
	v.Level = st.nextHeading(max(want, ctx.level+1))
	return v
}

// paragraph renders Paragraph as Markdown.
func (st *state) paragraph(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v := &view{Kind: "paragraph", ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	v.Body = st.block(c, "title", n.Scope(), ctx.level)
	if v.Body == "" {
		return nil
	}
	v.Help = markdown(st.trb(c, "help", n.Scope()), mdOptions{})
	return v
}

// valueView renders Text, Number, Date and Option: a computed value with
// its title.
func (st *state) valueView(n *layouttree.Node, c *component.Component, _ bctx) *view {
	v := &view{Kind: "value", ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	v.Title = st.inline(c, "title", n.Scope())
	v.Body = escape(st.displayText(n))
	v.Desc = markdown(st.trb(c, "description", n.Scope()), mdOptions{})
	return v
}

// computed returns the value property of Text, Number, Date and Option,
// formatted.
func (st *state) computed(n *layouttree.Node, c *component.Component) string {
	p, ok := c.Props.(*component.ValueProps)
	if !ok || p.Value == nil || p.Value.Parsed == nil {
		return ""
	}
	val, err := p.Value.Parsed.Eval(st.env, n.Scope())
	if err != nil {
		st.report.problem(c.ID, err.Error())
		return ""
	}
	s := valueText(val)
	switch c.Type {
	case "Number":
		var f component.Formatting
		if len(p.Formatting) > 0 && json.Unmarshal(p.Formatting, &f) == nil {
			return numberFormat(&f, st.lang).format(s)
		}
	case "Date":
		return formatDate(s, p.Format)
	case "Option":
		if list, ok := st.optionList(p.OptionsID); ok {
			for _, o := range list {
				if valueText(o.Value) == s {
					return st.text(o.Label, n.Scope())
				}
			}
		}
	}
	return s
}

// alert renders Panel and Alert as a Designsystemet alert.
func (st *state) alert(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v, child := st.titled(n, c, ctx, "alert", nil)
	sev := ""
	switch p := c.Props.(type) {
	case *component.PanelProps:
		sev = p.Variant
	case *component.AlertProps:
		sev = p.Severity
	}
	switch sev {
	case "error", "danger":
		v.Color = "danger"
	case "warning", "success":
		v.Color = sev
	default:
		v.Color = "info"
	}
	v.Body = st.block(c, "body", n.Scope(), child.level)
	if v.Body == "" && v.Desc != "" {
		v.Body, v.Desc = v.Desc, ""
	}
	v.Children = st.nodes(n.Children, child)
	return v
}

// media renders Image, Audio and Video.
func (st *state) media(n *layouttree.Node, c *component.Component, _ bctx) *view {
	v := &view{Kind: "image", ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	p, _ := c.Props.(*component.MediaProps)
	var raw json.RawMessage
	if p != nil {
		switch c.Type {
		case "Image":
			raw = p.Image
		case "Audio":
			raw, v.Kind, v.Type = p.Audio, "media", "audio"
		case "Video":
			raw, v.Kind, v.Type = p.Video, "media", "video"
		}
	}
	var m struct {
		Src   map[string]string `json:"src"`
		Align string            `json:"align"`
	}
	_ = json.Unmarshal(raw, &m)
	src := m.Src[st.lang]
	for _, l := range []string{"nb", "nn", "en"} {
		if src == "" {
			src = m.Src[l]
		}
	}
	v.Src = st.resource(src)
	v.Variant = m.Align
	scope := n.Scope()
	v.Text = st.trb(c, "altTextImg", scope)
	v.Title = st.inline(c, "title", scope)
	if v.Kind == "media" && v.Title == "" {
		v.Title = escape(ui(st.lang, uiMedia))
	}
	if help := st.trb(c, "help", scope); help != "" && v.Kind == "image" {
		v.Desc = markdown(help, mdOptions{inline: true})
	}
	return v
}

// resource turns a media src into a URL; http(s) stays as written.
func (st *state) resource(src string) string {
	if src == "" {
		return ""
	}
	l := strings.ToLower(src)
	if strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") {
		return src
	}
	return st.urls.Resource(src)
}

// iframe renders IFrame: its title text as the document of a sandboxed
// frame without scripts.
func (st *state) iframe(n *layouttree.Node, c *component.Component) *view {
	v := &view{Kind: "iframe", ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	v.Value = st.trb(c, "title", n.Scope())
	v.Text = st.trb(c, "accessibleTitle", n.Scope())
	if v.Text == "" {
		v.Text = st.appTitle()
	}
	return v
}

// instanceInfo renders InstanceInformation as a description list.
func (st *state) instanceInfo(n *layouttree.Node, c *component.Component, ctx bctx) *view {
	v, _ := st.titled(n, c, ctx, "dl", nil)
	in := st.c.Instance
	if in == nil {
		return v
	}
	add := func(k uiKey, val string) {
		if val != "" {
			v.Items = append(v.Items, item{Text: escape(ui(st.lang, k)), Value: escape(val)})
		}
	}
	add(uiInstance, in.ID)
	owner := in.OwnerOrgNumber
	if owner == "" {
		owner = in.OwnerPersonNumber
	}
	if owner == "" {
		owner = in.OwnerPartyID
	}
	add(uiOwner, owner)
	return v
}

// attachmentList renders AttachmentList: links to the attachments of the
// listed data types (include-all, current-task, or ids).
func (st *state) attachmentList(n *layouttree.Node, c *component.Component) *view {
	v := &view{Kind: "links", ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	v.Title = st.inline(c, "title", n.Scope())
	if v.Title == "" {
		v.Title = escape(ui(st.lang, uiAttachments))
	}
	var ids []string
	if p, ok := c.Props.(*component.AttachmentListProps); ok {
		ids = p.DataTypeIDs
	}
	for _, e := range st.c.Elements {
		if st.listed(ids, e.DataType) {
			v.Items = append(v.Items, item{Text: escape(fileName(e)), Href: st.urls.Attachment(e), Value: escape(fileSize(e.Size))})
		}
	}
	return v
}

// listed reports whether an AttachmentList with dataTypeIds ids shows a
// data element of dataType.
func (st *state) listed(ids []string, dataType string) bool {
	dt := st.app.Metadata.DataType(dataType)
	isForm := dt != nil && dt.IsForm()
	if len(ids) == 0 {
		return !isForm
	}
	for _, id := range ids {
		switch id {
		case "include-all":
			return true
		case "current-task":
			if dt != nil && dt.TaskID == st.c.TaskID && !isForm {
				return true
			}
		case dataType:
			return true
		}
	}
	return false
}
