// SPDX-License-Identifier: MIT

package render

import (
	"html/template"
	"strconv"

	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// issueIndex finds the issues of a component instance and remembers where
// each was shown, for the error summary's links.
type issueIndex struct {
	all     []Issue
	byField map[string][]int
	byComp  map[string][]int
	anchor  []string // the id an issue is shown at on this page, or ""
	msgID   []string
}

func newIssueIndex(issues []Issue) issueIndex {
	ix := issueIndex{all: issues, byField: map[string][]int{}, byComp: map[string][]int{},
		anchor: make([]string, len(issues)), msgID: make([]string, len(issues))}
	for i, is := range issues {
		if is.Field != "" {
			ix.byField[is.Field] = append(ix.byField[is.Field], i)
		}
		if is.ComponentID != "" {
			ix.byComp[is.ComponentID] = append(ix.byComp[is.ComponentID], i)
		}
	}
	return ix
}

// messages returns the messages for the fields and the component instance
// inst ("" for none), with ids starting id, marking them shown at anchor.
// Each issue is shown once.
func (st *state) messages(id, anchor, inst string, fields []string) []message {
	ix := &st.issues
	if len(ix.all) == 0 {
		return nil
	}
	var out []message
	add := func(list []int) {
		for _, i := range list {
			if ix.anchor[i] != "" {
				continue
			}
			ix.anchor[i] = anchor
			mid := id + "-msg-" + strconv.Itoa(len(out))
			ix.msgID[i] = mid
			out = append(out, message{ID: mid, Color: ix.all[i].Severity.color(), Text: st.issueText(ix.all[i])})
		}
	}
	for _, f := range fields {
		add(ix.byField[f])
	}
	if inst != "" {
		add(ix.byComp[inst])
	}
	return out
}

// hasError reports whether any of msgs is an error.
func hasError(msgs []message) bool {
	for _, m := range msgs {
		if m.Color == "danger" {
			return true
		}
	}
	return false
}

func (st *state) issueText(is Issue) template.HTML {
	if is.Message != "" {
		return markdown(st.text(is.Message, nil), mdOptions{inline: true})
	}
	switch is.Code {
	case "required":
		return template.HTML(template.HTMLEscapeString(ui(st.lang, uiRequiredMsg)))
	case "pattern":
		return template.HTML(template.HTMLEscapeString(ui(st.lang, uiPatternMsg)))
	}
	return template.HTML(template.HTMLEscapeString(ui(st.lang, uiInvalidMsg)))
}

// errorSummary lists the errors: linked to their field on this page, to
// their page when the field is elsewhere, or as text.
func (st *state) errorSummary() *view {
	ix := &st.issues
	var items []item
	var where map[string]string
	for i, is := range ix.all {
		if is.Severity != SeverityError && is.Severity != "" {
			continue
		}
		it := item{Text: st.issueText(is)}
		switch {
		case ix.anchor[i] != "":
			it.Href = "#" + ix.anchor[i]
		default:
			if where == nil {
				where = st.issueTargets()
			}
			if href, ok := where[is.Field]; ok && is.Field != "" {
				it.Href = href
			} else if href, ok := where["#"+is.ComponentID]; ok && is.ComponentID != "" {
				it.Href = href
			}
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		return nil
	}
	v := &view{Kind: "errorsummary", ID: st.claim("bl-error-summary"), Items: items, UI: st.ui,
		Title: template.HTML(template.HTMLEscapeString(ui(st.lang, uiErrorSummary)))}
	v.Level = 2
	return v
}

// issueTargets maps the field names and component instance ids ("#id") of
// the visible components on the layout set's other pages to a link there.
// (A field hidden on this page gets no link: there is nothing to go to.)
func (st *state) issueTargets() map[string]string {
	out := map[string]string{}
	st.tree.Walk(func(n *layouttree.Node) {
		if n.Comp == nil || n.Row || n.Page.ID == st.page {
			return
		}
		if h, err := n.Hidden(st.env); err != nil || h {
			return
		}
		id := domID(n.Comp.ID, n.Rows())
		href := st.urls.Page(n.Page.ID) + "#" + id
		if _, ok := out["#"+id]; !ok {
			out["#"+id] = href
		}
		for _, b := range n.Comp.Bindings {
			f := st.fieldOf(n, b)
			if _, ok := out[FieldName(f)]; !ok {
				out[FieldName(f)] = href
			}
		}
	})
	return out
}
