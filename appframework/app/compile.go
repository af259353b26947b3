// SPDX-License-Identifier: MIT

package app

import (
	"github.com/blankett/blankett/appframework/component"
	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// compile turns a loaded set into the layouttree model the expression
// language evaluates against, so hidden/required and component lookups run
// on exactly the components the loader resolved. Pages left out of the page
// order are hidden, as app-frontend hides them.
func (l *loader) compile(set *LayoutSet) *layouttree.Layout {
	lay := &layouttree.Layout{DataType: set.DataType}
	conv := map[*Node]*layouttree.Component{}
	set.nodeOf = map[*layouttree.Component]*Node{}
	for _, p := range set.Pages {
		lp := &layouttree.Page{ID: p.ID}
		switch {
		case !p.InOrder:
			lp.Hidden = expr.Literal(expr.Bool(true))
		case p.Hidden != nil:
			lp.Hidden = p.Hidden.Parsed
		}
		for _, n := range p.Components {
			lc := layouttree.NewComponent(n.Component, p.ID)
			conv[n] = lc
			set.nodeOf[lc] = n
			lp.All = append(lp.All, lc)
		}
		for _, n := range p.Components {
			lc := conv[n]
			for i, c := range n.Children {
				switch n.Refs[i].Slot {
				case component.BeforeRows:
					lc.Before = append(lc.Before, conv[c])
				case component.AfterRows:
					lc.After = append(lc.After, conv[c])
				default:
					lc.Children = append(lc.Children, conv[c])
				}
			}
		}
		for _, n := range p.Top {
			lp.Top = append(lp.Top, conv[n])
		}
		lay.Pages = append(lay.Pages, lp)
	}
	return lay
}

// Layout returns the set compiled for the expression language. It is built
// once at load and shared; Expand it per data state.
func (s *LayoutSet) Layout() *layouttree.Layout { return s.layout }

// NodeOf returns the loaded component behind a node of an expanded tree,
// or nil for pages and rows.
func (s *LayoutSet) NodeOf(n *layouttree.Node) *Node {
	if n == nil || n.Comp == nil || n.Row {
		return nil
	}
	return s.nodeOf[n.Comp]
}

// Env returns an expression environment for this app: texts in lang (with
// nb fallback), static option lists, the frontend settings and data. Set
// Components with NewTree, Instance and the rest as the caller knows them.
func (a *App) Env(data expr.DataSource, lang string) *expr.Env {
	if lang == "" {
		lang = "nb"
	}
	return &expr.Env{Data: data, Texts: a.TextSource(lang), Options: a, Language: lang, FrontendSettings: a.FrontendSettings}
}

// NewTree expands set for the data in env (counting repeating-group rows)
// and makes the tree env's component resolver. The tree remembers hidden
// states, so build a new one when the data changes. The DataSource's
// default data type should be set.DataType.
func (s *LayoutSet) NewTree(env *expr.Env) (*layouttree.Tree, error) {
	t, err := s.layout.Expand(env)
	if err != nil {
		return nil, err
	}
	env.Components = t
	return t, nil
}
