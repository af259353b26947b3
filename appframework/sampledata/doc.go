// SPDX-License-Identifier: MIT

// Package sampledata builds plausible form data for a data model from its
// datamodels/metadata field tree, so pages can be rendered before anyone
// has filled them in: the renderer's corpus tests use it, and studio's
// preview shows a form with it.
//
// The data is deterministic (the same model always gives the same data) and
// respects what the model says about each value: fixed values, enumerations,
// patterns (a matching string is derived from the regular expression),
// length limits, number ranges and total digits, date and time formats.
// Repeating groups and repeated fields get Options.Rows items (2 by
// default). Names hint at a kind of value (e-mail, phone, postcode, name,
// organisation and national identity numbers) where the model does not say.
//
// The result has the shape app-frontend and appframework/expr read: the
// root element's children at the top (bindings omit the root), objects as
// map[string]any, lists as []any, numbers as float64.
package sampledata
