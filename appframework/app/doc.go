// SPDX-License-Identifier: MIT

// Package app loads an Altinn 3 app repository from an fs.FS into one
// normalised model: application metadata and data types; data models (the
// .schema.json, or the .xsd converted with datamodels/xsdjson, plus the
// datamodels/metadata field tree); layout sets with their pages and
// component trees (containers resolved, repeating groups nested and
// multi-page); Settings.json; texts per language; static option lists;
// *.validation.json and *.calculation.json; and the process definition and
// policy as raw bytes for appframework/process and appframework/policy.
//
// Every generation of the ui/ folder loads into the same model: the single
// ui/FormLayout.json of lib 1.x, ui/layouts/ with ui/Settings.json, optional
// and then mandatory ui/layout-sets.json, and v9's task folders
// (ui/<taskId>/Settings.json, no layout-sets.json). Components are normalised
// to app-frontend v4 by appframework/component.
//
// Files are read the way Altinn reads them: UTF-8 byte-order marks, // and
// /* */ comments and trailing commas are accepted and unknown keys are kept
// or ignored, never fatal. Real problems (malformed JSON, duplicate component
// ids, missing or cyclic children, expressions that do not parse) make Load
// fail with every problem at once; each is an *Error naming the file and a
// JSON pointer (or line and column for syntax errors). Things that load but
// deserve attention (unknown component types, v3 → v4 rewrites, pages missing
// from the page order) are App.Issues.
//
// The loaded app plugs into appframework/expr: App.Texts and App.Options are
// expr.TextSource and expr.OptionSource, and LayoutSet.Layout is a compiled
// appframework/expr/layouttree layout whose Expand gives the
// expr.ComponentResolver with repeating-group rows that hidden and required
// expressions need.
package app
