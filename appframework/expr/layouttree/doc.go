// SPDX-License-Identifier: MIT

// Package layouttree is the small component model the expression language
// needs: it reads Altinn layout pages, links containers to their children,
// expands repeating groups into rows from the data model, and answers
// component lookups (with hidden state) for expr.Eval.
//
// It deliberately knows only what expressions need (ids, types, children,
// data model bindings, hidden/hiddenRow, options); the full layout model with
// every component property lives in the app loader, which can implement
// expr.ComponentResolver itself or build on this package.
package layouttree
