// SPDX-License-Identifier: MIT

// Package component is the typed model of an Altinn layout component: the
// properties every component shares (id, type, hidden, required, readOnly,
// textResourceBindings, dataModelBindings, grid…), a typed property struct per
// component type of app-frontend v4, and a property bag (Extra) for every key
// neither of those knows, so that nothing written in a layout file is lost.
//
// Parse reads one component; ParseLayout reads a page's layout array and also
// applies the v3 → v4 rewrites that span two components (a v3 Likert group and
// its Likert child become one v4 Likert). Single-component rewrites follow
// Altinn's own upgrade tool (studioctl Fev3Tov4 mutators): Group with
// maxCount > 1 → RepeatingGroup (edit.filter → hiddenRow), AddressComponent →
// Address, panel/showGroupingIndicator → groupingIndicator, textResourceBindings
// body → description, triggers → showValidations/validateOnSaveRow/
// validateOnNext/validateOnForward. Every rewrite is recorded as an Issue, so
// lint can show the author what changed.
//
// Expression-valued properties are *Expr: the raw JSON as written plus its
// parsed expr.Expr. A property that does not parse keeps its raw JSON and is
// reported with a JSON pointer, never silently dropped.
//
// Unknown component types are kept (Known false, Props nil, every key in
// Extra) and reported, because a newer frontend may know them.
package component
