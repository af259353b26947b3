// SPDX-License-Identifier: MIT

// Package diff compares two versions of an app and says what changed in the
// terms a service owner uses: "component name added to page 2", "text
// page1.title changed in nn", "field Skjema.navn renamed to Skjema.fornavn",
// "task Task_2 added". The studio shows it as the history of an app;
// `blankett app diff` prints it.
//
// Diff compares layout sets, pages, components, texts per language, static
// option lists, data model fields, data types, process tasks and gateways,
// policy rules, expression validations and settings (applicationmetadata.json,
// Settings.json, layout-sets.json uiSettings, FrontEndSettings). Content is
// compared as canonical JSON, so formatting, key order, comments and
// trailing commas never show as changes.
//
// Renames are found by heuristics, because the files only hold the new id:
//
//   - A component, page, layout set, text, option list, data type, task or
//     policy rule that disappeared is renamed to one that appeared when
//     their content without the id is identical, and that content belongs
//     to exactly one removed and one added item. A text's content is its
//     value in every language. Anything else is a removal plus an addition.
//   - A data model field is renamed when a removed and an added field have
//     the same parent (after the parent's own rename), the same position
//     among its siblings, and the same kind, type and repetition. A renamed
//     group carries its subtree: its fields are matched by their path below
//     the group and not reported one by one.
//   - Components on a renamed page are not reported as moved.
//
// Changes are sorted by area, place and id, so the output is stable.
package diff
