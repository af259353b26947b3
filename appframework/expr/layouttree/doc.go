// SPDX-License-Identifier: MIT

// Package layouttree is the component tree the expression language runs
// on: it links containers to their children, expands repeating groups into
// rows from the data model, and answers component lookups (with hidden
// state) for expr.Eval.
//
// Components are read by appframework/component, the one parser of layout
// components, so v3 layouts are normalised here exactly as in the app
// loader. Parse builds a Layout from page files (the shared expression
// vectors use it); appframework/app builds Layouts from the app it loaded
// with NewComponent, so the tree a validation engine expands is the one the
// loader resolved. Each Component keeps its typed Source for the properties
// expressions do not need (required, readOnly…).
package layouttree
