// SPDX-License-Identifier: MIT

package render

import (
	"html/template"

	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// visiblePages returns the ids of the pages a user can reach: in the page
// order and not hidden.
func (st *state) visiblePages() []string {
	if st.pages != nil {
		return st.pages
	}
	out := []string{}
	for _, pn := range st.tree.Pages {
		p := st.set.Page(pn.Page.ID)
		if p == nil || !p.InOrder {
			continue
		}
		h, err := pn.Hidden(st.env)
		if err != nil {
			st.report.problem(pn.Page.ID, err.Error())
		}
		if !h || pn.Page.ID == st.page {
			out = append(out, pn.Page.ID)
		}
	}
	st.pages = out
	return out
}

// navButtons renders NavigationButtons: back (when showBackButton) and next.
func (st *state) navButtons(n *layouttree.Node, c *component.Component) *view {
	v := &view{Kind: "buttons", ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	pages := st.visiblePages()
	at := -1
	for i, p := range pages {
		if p == st.page {
			at = i
		}
	}
	p, _ := c.Props.(*component.NavigationButtonsProps)
	scope := n.Scope()
	if at > 0 && p != nil && p.ShowBackButton != nil && *p.ShowBackButton {
		text := st.inline(c, "back", scope)
		if text == "" {
			text = escape(ui(st.lang, uiBack))
		}
		v.Buttons = append(v.Buttons, button{Action: string(ActBack), Text: text, Variant: "secondary"})
	}
	if at >= 0 && at+1 < len(pages) {
		text := st.inline(c, "next", scope)
		if text == "" {
			text = escape(ui(st.lang, uiNext))
		}
		v.Buttons = append(v.Buttons, button{Action: string(ActNext), Text: text})
	}
	if len(v.Buttons) == 0 {
		return nil
	}
	return v
}

// navBar renders NavigationBar: a list of the visible pages, the current
// one marked aria-current, the others buttons that save and go there.
func (st *state) navBar(n *layouttree.Node, c *component.Component) *view {
	v := &view{Kind: "navbar", ID: st.id(n, c), Comp: c.ID, UI: st.ui, Text: ui(st.lang, uiPages)}
	for _, p := range st.visiblePages() {
		text := markdown(st.text(p, nil), mdOptions{inline: true})
		it := item{Text: text, Current: p == st.page}
		if !it.Current {
			it.Button = &button{Action: Action{Kind: ActPage, Arg: p}.String(), Text: text, Variant: "tertiary"}
		}
		v.Items = append(v.Items, it)
	}
	if len(v.Items) == 0 {
		return nil
	}
	return v
}

// actionTexts are the default texts of ActionButton actions.
var actionTexts = map[string]uiKey{"sign": uiSign, "reject": uiReject, "confirm": uiConfirm, "pay": uiPay}

// actionButton renders the buttons that act: Button, ActionButton,
// CustomButton, InstantiationButton, PrintButton, PDFPreviewButton and
// SigningActions. Only printing is offered in read-only mode.
func (st *state) actionButton(n *layouttree.Node, c *component.Component) *view {
	v := &view{Kind: "buttons", ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	text := st.inline(c, "title", n.Scope())
	def := func(k uiKey) template.HTML {
		if text != "" {
			return text
		}
		return escape(ui(st.lang, k))
	}
	if st.mode == ReadOnly && c.Type != "PrintButton" && c.Type != "PDFPreviewButton" {
		return nil
	}
	target := Action{Component: c.ID, Rows: n.Rows()}
	switch p := c.Props.(type) {
	case *component.ButtonProps:
		switch p.Mode {
		case "save":
			v.Buttons = []button{{Action: string(ActSave), Text: def(uiSave), Variant: "secondary"}}
		case "instantiate":
			target.Kind, target.Rows = ActInstantiate, nil
			v.Buttons = []button{{Action: target.String(), Text: def(uiInstantiate)}}
		default:
			v.Buttons = []button{{Action: string(ActSubmit), Text: def(uiSubmit)}}
		}
	case *component.ActionButtonProps:
		k, ok := actionTexts[p.Action]
		if !ok {
			k = uiConfirm
		}
		v.Buttons = []button{{Action: Action{Kind: ActProcess, Arg: nonEmpty(p.Action, "confirm")}.String(), Text: def(k), Variant: p.ButtonStyle}}
	case *component.CustomButtonProps:
		target.Kind = ActCustom
		v.Buttons = []button{{Action: target.String(), Text: def(uiConfirm), Variant: p.ButtonStyle, Color: p.ButtonColor}}
	case *component.MappingProps:
		target.Kind, target.Rows = ActInstantiate, nil
		v.Buttons = []button{{Action: target.String(), Text: def(uiInstantiate)}}
	default:
		switch c.Type {
		case "SigningActions":
			v.Buttons = []button{
				{Action: Action{Kind: ActProcess, Arg: "sign"}.String(), Text: escape(ui(st.lang, uiSign))},
				{Action: Action{Kind: ActProcess, Arg: "reject"}.String(), Text: escape(ui(st.lang, uiReject)), Variant: "secondary"},
			}
		default:
			v.Buttons = []button{{Action: string(ActPrint), Text: def(uiPrint), Variant: "secondary"}}
		}
	}
	for i := range v.Buttons {
		switch v.Buttons[i].Variant {
		case "primary", "secondary", "tertiary":
		default:
			v.Buttons[i].Variant = ""
		}
	}
	return v
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// link renders Link: an <a> to a safe URL (http(s), mailto, relative), as
// a link or a button-styled link.
func (st *state) link(n *layouttree.Node, c *component.Component) *view {
	v := &view{Kind: "link", ID: st.id(n, c), Comp: c.ID, UI: st.ui}
	scope := n.Scope()
	v.Title = st.inline(c, "title", scope)
	href, ok := safeURL(st.trb(c, "target", scope))
	if !ok || v.Title == "" {
		if v.Title == "" {
			return nil
		}
		v.Kind, v.Body, v.Title = "paragraph", v.Title, ""
		return v
	}
	v.Href = href
	v.Value = st.trb(c, "download", scope)
	if p, ok := c.Props.(*component.LinkProps); ok {
		v.Variant = p.Style
		v.NewTab = p.OpenInNewTab != nil && *p.OpenInNewTab
	}
	return v
}
