// SPDX-License-Identifier: MIT

package layouttree

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/blankett/blankett/appframework/expr"
)

// ErrInvalidLayout reports a layout the tree cannot be built from: malformed
// JSON, duplicate ids, references to missing children, children claimed twice,
// or an expression that does not parse.
var ErrInvalidLayout = errors.New("layouttree: invalid layout")

// PageSource is one page file: its id (the file name without .json) and its
// JSON, {"data": {"layout": [...], "hidden": expr}}.
type PageSource struct {
	ID   string
	JSON []byte
}

// Layout is a parsed layout set.
type Layout struct {
	Pages []*Page
}

// Page is one page of a layout set.
type Page struct {
	ID     string
	Hidden *expr.Expr
	// Top lists the components no container claims, in layout order.
	Top []*Component
	// All lists every component on the page in layout order.
	All []*Component
}

// Component is what the expression language needs to know about a component.
type Component struct {
	ID, Type, Page string
	Hidden         *expr.Expr
	// Bindings are the component's data model bindings by name.
	Bindings map[string]expr.Binding
	// Repeating is true for repeating groups; Group is their list binding
	// and HiddenRow their per-row hidden expression.
	Repeating bool
	Group     expr.Binding
	HiddenRow *expr.Expr
	// Container is true for components that hold children.
	Container bool
	// Children are the claimed children; for repeating groups they repeat per
	// row, and Before/After are the rowsBefore/rowsAfter components that do not.
	Children      []*Component
	Before, After []*Component
	OptionsID     string
	Options       []expr.Option

	childIDs, beforeIDs, afterIDs []string
}

// Parse reads the pages of a layout set in order.
func Parse(pages []PageSource) (*Layout, error) {
	l := &Layout{}
	for _, ps := range pages {
		p, err := parsePage(ps)
		if err != nil {
			return nil, err
		}
		l.Pages = append(l.Pages, p)
	}
	return l, nil
}

func invalid(page, format string, args ...any) error {
	return fmt.Errorf("%w: page %s: %s", ErrInvalidLayout, page, fmt.Sprintf(format, args...))
}

func parsePage(ps PageSource) (*Page, error) {
	var file struct {
		Data struct {
			Layout []json.RawMessage `json:"layout"`
			Hidden json.RawMessage   `json:"hidden"`
		} `json:"data"`
	}
	if err := json.Unmarshal(bytes.TrimPrefix(ps.JSON, []byte("\ufeff")), &file); err != nil {
		return nil, invalid(ps.ID, "%v", err)
	}
	p := &Page{ID: ps.ID}
	var err error
	if p.Hidden, err = parseExpr(file.Data.Hidden); err != nil {
		return nil, invalid(ps.ID, "hidden: %v", err)
	}
	byID := map[string]*Component{}
	for i, raw := range file.Data.Layout {
		c, err := parseComponent(raw, ps.ID)
		if err != nil {
			return nil, invalid(ps.ID, "component %d: %v", i, err)
		}
		if byID[c.ID] != nil {
			return nil, invalid(ps.ID, "duplicate component id %q", c.ID)
		}
		byID[c.ID] = c
		p.All = append(p.All, c)
	}
	claimedBy := map[string]string{}
	for _, c := range p.All {
		claim := func(ids []string) ([]*Component, error) {
			var out []*Component
			for _, id := range ids {
				child := byID[id]
				if child == nil {
					return nil, invalid(ps.ID, "component %q references child %q, which does not exist on the page", c.ID, id)
				}
				if owner, ok := claimedBy[id]; ok {
					return nil, invalid(ps.ID, "component %q references child %q, which %q already claims", c.ID, id, owner)
				}
				claimedBy[id] = c.ID
				out = append(out, child)
			}
			return out, nil
		}
		if c.Children, err = claim(c.childIDs); err != nil {
			return nil, err
		}
		if c.Before, err = claim(c.beforeIDs); err != nil {
			return nil, err
		}
		if c.After, err = claim(c.afterIDs); err != nil {
			return nil, err
		}
	}
	for _, c := range p.All {
		if _, claimed := claimedBy[c.ID]; !claimed {
			p.Top = append(p.Top, c)
		}
	}
	return p, nil
}

func parseExpr(raw json.RawMessage) (*expr.Expr, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, nil
	}
	return expr.Parse(raw)
}

type rawComponent struct {
	ID                string                     `json:"id"`
	Type              string                     `json:"type"`
	Hidden            json.RawMessage            `json:"hidden"`
	HiddenRow         json.RawMessage            `json:"hiddenRow"`
	MaxCount          *float64                   `json:"maxCount"`
	Children          []string                   `json:"children"`
	DataModelBindings map[string]json.RawMessage `json:"dataModelBindings"`
	Rows              []gridRow                  `json:"rows"`
	RowsBefore        []gridRow                  `json:"rowsBefore"`
	RowsAfter         []gridRow                  `json:"rowsAfter"`
	Cards             []struct {
		Children []string `json:"children"`
	} `json:"cards"`
	Tabs []struct {
		Children []string `json:"children"`
	} `json:"tabs"`
	OptionsID string `json:"optionsId"`
	Options   []struct {
		Value any    `json:"value"`
		Label string `json:"label"`
	} `json:"options"`
}

type gridRow struct {
	Cells []*struct {
		Component string `json:"component"`
	} `json:"cells"`
}

func parseComponent(raw json.RawMessage, page string) (*Component, error) {
	var rc rawComponent
	if err := json.Unmarshal(raw, &rc); err != nil {
		return nil, err
	}
	if rc.ID == "" {
		return nil, errors.New("missing id")
	}
	c := &Component{ID: rc.ID, Type: rc.Type, Page: page, OptionsID: rc.OptionsID, Bindings: map[string]expr.Binding{}}
	var err error
	if c.Hidden, err = parseExpr(rc.Hidden); err != nil {
		return nil, fmt.Errorf("%s: hidden: %w", rc.ID, err)
	}
	if c.HiddenRow, err = parseExpr(rc.HiddenRow); err != nil {
		return nil, fmt.Errorf("%s: hiddenRow: %w", rc.ID, err)
	}
	for name, b := range rc.DataModelBindings {
		binding, err := parseBinding(b)
		if err != nil {
			return nil, fmt.Errorf("%s: binding %s: %w", rc.ID, name, err)
		}
		c.Bindings[name] = binding
	}
	for _, o := range rc.Options {
		c.Options = append(c.Options, expr.Option{Value: expr.FromAny(o.Value), Label: o.Label})
	}
	typ := strings.ToLower(rc.Type)
	switch {
	case typ == "repeatinggroup" || (typ == "group" && rc.MaxCount != nil && *rc.MaxCount != 1):
		c.Repeating, c.Container = true, true
		g, ok := c.Bindings["group"]
		if !ok {
			return nil, fmt.Errorf("%s: a repeating group needs a group data model binding", rc.ID)
		}
		c.Group = g
		c.childIDs = stripPageIndex(rc.Children)
		c.beforeIDs = cellComponents(rc.RowsBefore)
		c.afterIDs = cellComponents(rc.RowsAfter)
	case typ == "grid":
		c.Container = true
		c.childIDs = cellComponents(rc.Rows)
	case typ == "cards":
		c.Container = true
		for _, card := range rc.Cards {
			c.childIDs = append(c.childIDs, card.Children...)
		}
	case typ == "tabs":
		c.Container = true
		for _, tab := range rc.Tabs {
			c.childIDs = append(c.childIDs, tab.Children...)
		}
	case rc.Children != nil:
		c.Container = true
		c.childIDs = stripPageIndex(rc.Children)
	}
	return c, nil
}

// parseBinding reads "path" or {"dataType": "...", "field": "path"}.
func parseBinding(raw json.RawMessage) (expr.Binding, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		p, err := expr.ParsePath(s)
		return expr.Binding{Path: p}, err
	}
	var o struct {
		DataType string `json:"dataType"`
		Field    string `json:"field"`
	}
	if err := json.Unmarshal(raw, &o); err != nil {
		return expr.Binding{}, err
	}
	p, err := expr.ParsePath(o.Field)
	return expr.Binding{DataType: o.DataType, Path: p}, err
}

// stripPageIndex removes the "0:" page prefix multi-page repeating groups put
// on child ids.
func stripPageIndex(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		if k := strings.IndexByte(id, ':'); k >= 0 {
			id = id[k+1:]
		}
		out[i] = id
	}
	return out
}

func cellComponents(rows []gridRow) []string {
	var out []string
	for _, r := range rows {
		for _, cell := range r.Cells {
			if cell != nil && cell.Component != "" {
				out = append(out, cell.Component)
			}
		}
	}
	return out
}
