// SPDX-License-Identifier: MIT

// Package validation validates the data of a process task the way an Altinn 3 app
// does, and removes hidden data:
//
//   - Required (source "Required"): every visible component whose required expression
//     is true must have a value in its bindings; hidden components, rows and pages are
//     excluded.
//   - Expression (source "Expression"): the rules of models/<dataType>.validation.json,
//     run once per concrete (indexed) path of their field, with ["argv", 0] being that
//     path and unindexed dataModel paths resolved in its row.
//   - DataType (source "DataType"): the task's data types' minimum and maximum number
//     of elements, allowed content types and maximum size.
//   - Schema (source "Schema"): a SchemaValidator, when given (the runtime wires
//     datamodels/validate), for the data model's own constraints.
//
// Issues for fields that only hidden components are bound to are dropped, as the
// frontend does, so a user is never blocked by a field they cannot see. Only issues of
// severity error block leaving a task.
//
// RemoveHiddenData clears the values that hidden components are bound to, as Altinn
// does when an app turns RemoveHiddenData on.
package validation
