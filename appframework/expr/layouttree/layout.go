// SPDX-License-Identifier: MIT

package layouttree

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/blankett/blankett/appframework/component"
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
	// DataType is the set's default data type. Expressions on the layout
	// read it when they name none, and bindings that name it explicitly
	// share rows with those that leave it out. "" leaves the choice to the
	// DataSource, and then only bindings that name no data type share rows.
	DataType string
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
	// Source is the typed component this one was made from, so callers that
	// walk an expanded tree reach every property (required, readOnly…).
	Source *component.Component
}

// NewComponent makes the expression view of a typed component on page. It
// does not link children: the caller decides how references resolve.
func NewComponent(c *component.Component, page string) *Component {
	lc := &Component{ID: c.ID, Type: c.Type, Page: page, Container: c.IsContainer(), Source: c,
		Bindings: make(map[string]expr.Binding, len(c.DataModelBindings))}
	if c.Hidden != nil {
		lc.Hidden = c.Hidden.Parsed
	}
	for name, b := range c.DataModelBindings {
		if b != nil && b.Err == nil {
			lc.Bindings[name] = b.Expr()
		}
	}
	if rg, ok := c.Props.(*component.RepeatingGroupProps); ok {
		lc.Repeating = true
		lc.Group = lc.Bindings["group"]
		if rg.HiddenRow != nil {
			lc.HiddenRow = rg.HiddenRow.Parsed
		}
	}
	if q, ok := lc.Bindings["questions"]; ok && c.Type == "Likert" {
		// As in Altinn's backend, a Likert repeats over its questions with no
		// child components; each row is one question, hidden per row by the
		// component's own hidden expression.
		lc.Repeating, lc.Group, lc.HiddenRow = true, q, lc.Hidden
	}
	if op := c.OptionSource(); op != nil {
		lc.OptionsID = op.OptionsID
		for _, o := range op.Options {
			lc.Options = append(lc.Options, expr.Option{Value: o.Value, Label: o.Label, Description: o.Description, HelpText: o.HelpText})
		}
	}
	return lc
}

// Parse reads the pages of a layout set in order. Components are read by
// appframework/component, so v3 layouts are normalised the same way as in
// the app loader.
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
	comps, issues := component.ParseLayout(file.Data.Layout)
	for _, is := range issues {
		if is.Severity != component.Error {
			continue
		}
		msg := is.Message
		if is.Code == "missing-id" {
			msg = "missing id"
		}
		return nil, invalid(ps.ID, "component %s: %s", is.Pointer, msg)
	}
	byID := map[string]*Component{}
	var sources []*component.Component
	for _, c := range comps {
		if c == nil {
			continue // a v3 Likert child merged into its group
		}
		if byID[c.ID] != nil {
			return nil, invalid(ps.ID, "duplicate component id %q", c.ID)
		}
		lc := NewComponent(c, ps.ID)
		if c.IsRepeating() && c.Binding("group") == nil {
			return nil, invalid(ps.ID, "%s: a repeating group needs a group data model binding", c.ID)
		}
		byID[c.ID] = lc
		p.All = append(p.All, lc)
		sources = append(sources, c)
	}
	claimedBy := map[string]string{}
	for i, lc := range p.All {
		for _, ref := range sources[i].Children {
			child := byID[ref.ID]
			if child == nil {
				return nil, invalid(ps.ID, "component %q references child %q, which does not exist on the page", lc.ID, ref.ID)
			}
			if owner, ok := claimedBy[ref.ID]; ok {
				return nil, invalid(ps.ID, "component %q references child %q, which %q already claims", lc.ID, ref.ID, owner)
			}
			claimedBy[ref.ID] = lc.ID
			switch ref.Slot {
			case component.BeforeRows:
				lc.Before = append(lc.Before, child)
			case component.AfterRows:
				lc.After = append(lc.After, child)
			default:
				lc.Children = append(lc.Children, child)
			}
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
