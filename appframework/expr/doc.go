// SPDX-License-Identifier: MIT

// Package expr implements Altinn 3's dynamic expression language: the JSON
// expressions (["equals", ["component", "age"], 18]) that hide pages and
// components, make fields required, build texts and drive validation.json and
// gateway conditions.
//
// Parse turns an expression, written as JSON, into a typed tree. It checks
// function names, argument counts, literal argument types and nesting depth up
// front, so a malformed expression fails when an app is loaded rather than when a
// citizen opens a page; every error carries a JSON path into the expression.
// Eval runs a parsed expression with Altinn's coercion rules (string, number,
// boolean, null; dates as strings) against an Env that supplies the data model,
// component lookups, instance context, frontend settings and texts through small
// interfaces, so the app loader can plug in its own component tree. Check is a
// static checker that reports every problem in an expression at once, for lint.
//
// The shared cross-platform test vectors from Altinn (shared/corpus/expressions)
// are the specification; where the C# backend and the React frontend disagree
// the vectors decide, and where the vectors are silent this package follows the
// frontend, because Blankett renders the same pages on the server.
package expr
