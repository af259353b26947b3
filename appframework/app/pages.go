// SPDX-License-Identifier: MIT

package app

import (
	"encoding/json"
	"fmt"

	"github.com/blankett/blankett/appframework/component"
)

// Page is one page file of a layout set.
type Page struct {
	ID   string
	File string
	// Hidden is the page's data.hidden expression, or nil.
	Hidden *component.Expr
	// InOrder is false for pages the page order leaves out; they never show.
	InOrder bool
	// Components are every component of the page in file order.
	Components []*Node
	// Top are the components no container claims, in file order.
	Top []*Node
	// Data holds the other keys of the page's data object (expandedWidth,
	// validationOnNavigation…).
	Data map[string]json.RawMessage
}

// Node is a component as placed in its layout set: its page, its container
// and its children.
type Node struct {
	*component.Component
	Page *Page
	// Pointer is the component's JSON pointer in the page file.
	Pointer string
	Parent  *Node
	// Children are the resolved child references, in the order of
	// Component.Children; Refs[i] is the reference of Children[i].
	Children []*Node
	Refs     []component.ChildRef
}

// RowGroups returns the repeating groups around the node, outermost first;
// a node inside them exists once per row.
func (n *Node) RowGroups() []*Node {
	var out []*Node
	for p, i := n.Parent, 0; p != nil && i < maxNesting; p, i = p.Parent, i+1 {
		if p.IsRepeating() && n.repeatsIn(p) {
			out = append([]*Node{p}, out...)
		}
		n = p
	}
	return out
}

// repeatsIn reports whether n, a child of group, repeats per row (it is not
// in rowsBefore/rowsAfter).
func (n *Node) repeatsIn(group *Node) bool {
	for i, c := range group.Children {
		if c == n {
			return group.Refs[i].Slot == component.InBody
		}
	}
	return false
}

// maxNesting bounds walks up the container chain; a real layout nests a
// few levels, and cycles are rejected at load.
const maxNesting = 1000

func (l *loader) loadPages(set *LayoutSet, files []pageFile) {
	set.Components = map[string]*Node{}
	for _, pf := range files {
		if p := l.loadPage(set, pf); p != nil {
			set.Pages = append(set.Pages, p)
		}
	}
	l.orderPages(set)
	for _, p := range set.Pages {
		l.resolve(set, p)
	}
	l.checkCycles(set)
	if dir := set.Folder + "/RuleHandler.js"; l.exists(dir) {
		set.RuleHandler = dir
		l.p.issue(Issue{File: dir, Severity: "warning", Code: "rule-handler",
			Message: "RuleHandler.js is legacy JavaScript and does not run here; use expressions"})
	}
	set.layout = l.compile(set)
	l.app.LayoutSets = append(l.app.LayoutSets, set)
}

func (l *loader) loadPage(set *LayoutSet, pf pageFile) *Page {
	data, ok := l.read(pf.file)
	if !ok {
		return nil
	}
	var doc struct {
		Data map[string]json.RawMessage `json:"data"`
	}
	if e := decodeFile(pf.file, data, &doc); e != nil {
		l.p.add(e)
		return nil
	}
	p := &Page{ID: pf.id, File: pf.file, Data: doc.Data}
	var items []json.RawMessage
	if raw, ok := doc.Data["layout"]; ok {
		if err := json.Unmarshal(raw, &items); err != nil {
			l.p.add(fileErr(pf.file, "/data/layout", ErrInvalid, "layout is a list of components"))
			return nil
		}
	} else {
		l.p.issue(Issue{File: pf.file, Pointer: "/data", Severity: "warning", Code: "empty-page", Message: "page has no data.layout"})
	}
	if raw, ok := doc.Data["hidden"]; ok {
		p.Hidden = &component.Expr{}
		_ = p.Hidden.UnmarshalJSON(raw)
		if p.Hidden.Err != nil {
			l.p.add(fileErr(pf.file, "/data/hidden", ErrInvalid, "%v", p.Hidden.Err))
		}
	}
	delete(p.Data, "layout")
	delete(p.Data, "hidden")
	comps, issues := component.ParseLayout(items)
	for _, is := range issues {
		l.componentIssue(pf.file, is)
	}
	for i, c := range comps {
		if c == nil || c.ID == "" {
			continue
		}
		n := &Node{Component: c, Page: p, Pointer: fmt.Sprintf("/data/layout/%d", i)}
		if prev, dup := set.Components[c.ID]; dup {
			l.p.add(fileErr(pf.file, n.Pointer+"/id", ErrInvalid, "duplicate component id %q (first at %s#%s)", c.ID, prev.Page.File, prev.Pointer))
			continue
		}
		set.Components[c.ID] = n
		p.Components = append(p.Components, n)
	}
	return p
}

func (l *loader) componentIssue(file string, is component.Issue) {
	ptr := "/data/layout" + is.Pointer
	if is.Severity == component.Error {
		l.p.add(&Error{File: file, Pointer: ptr, Err: fmt.Errorf("%w: %s", ErrInvalid, is.Message)})
		return
	}
	l.p.issue(Issue{File: file, Pointer: ptr, Severity: string(is.Severity), Code: is.Code, Message: is.Message})
}

// resolve links the page's containers to their children.
func (l *loader) resolve(set *LayoutSet, p *Page) {
	for _, n := range p.Components {
		for _, ref := range n.Component.Children {
			ptr := n.Pointer + ref.Pointer
			child := set.Components[ref.ID]
			msg := ""
			switch {
			case child == nil:
				msg = fmt.Sprintf("component %q has child %q, which does not exist; ignored", n.ID, ref.ID)
			case child.Page != p:
				msg = fmt.Sprintf("component %q has child %q, which is on page %q; children must be on the same page, so it is ignored", n.ID, ref.ID, child.Page.ID)
			case child.Parent != nil:
				msg = fmt.Sprintf("component %q has child %q, which %q already has; the first claim wins", n.ID, ref.ID, child.Parent.ID)
			}
			if msg != "" {
				// app-frontend reports these and renders the rest, so they
				// must not stop a real app from loading.
				l.p.issue(Issue{File: p.File, Pointer: ptr, Severity: "warning", Code: "bad-child", Message: msg})
				continue
			}
			child.Parent = n
			n.Children = append(n.Children, child)
			n.Refs = append(n.Refs, ref)
		}
		if n.Type == "Likert" && n.Binding("questions") == nil {
			l.p.issue(Issue{File: p.File, Pointer: n.Pointer + "/dataModelBindings", Severity: "warning", Code: "likert-binding",
				Message: fmt.Sprintf("Likert %q has no questions binding, so it has no rows", n.ID)})
		}
		if n.IsRepeating() && n.Binding("group") == nil {
			l.p.add(fileErr(p.File, n.Pointer+"/dataModelBindings", ErrInvalid, "repeating group %q has no group binding", n.ID))
		}
	}
	for _, n := range p.Components {
		if n.Parent == nil {
			p.Top = append(p.Top, n)
		}
	}
}

// checkCycles reports containers that contain themselves. Every node has at
// most one parent, so a cycle is a loop of parent links, unreachable from
// the page's top components.
func (l *loader) checkCycles(set *LayoutSet) {
	reported := map[*Node]bool{}
	for _, p := range set.Pages {
		for _, n := range p.Components {
			if reported[n] {
				continue
			}
			path := []*Node{n}
			for m := n.Parent; m != nil && len(path) <= len(p.Components); m = m.Parent {
				if m == n {
					ids := n.ID
					for i := len(path) - 1; i >= 1; i-- {
						ids += " → " + path[i].ID
					}
					for _, c := range path {
						reported[c] = true
					}
					l.p.add(&Error{File: p.File, Pointer: n.Pointer, Err: fmt.Errorf("%w: %s → %s", ErrCycle, ids, n.ID)})
					break
				}
				path = append(path, m)
			}
		}
	}
}
