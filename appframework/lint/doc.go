// SPDX-License-Identifier: MIT

// Package lint checks an Altinn 3 app repository for the problems that make
// it behave differently from what its author meant, or not run here at all:
// bindings to fields the data model lacks, text keys missing in a language,
// option lists that do not exist, children that do not exist, duplicate ids,
// unknown component types, data types and tasks that do not match the
// process and the layout sets, expressions that do not type-check, actions
// the process uses but the policy lets nobody perform, and C# that cannot
// run on Blankett, with what to use instead.
//
// Lint works on whatever loads. When app.Load fails, the load errors become
// findings, the files they name are set aside and the rest of the app is
// loaded again, so one malformed page does not hide the problems of every
// other page. The process and the policy are parsed here, with the app's
// org and name, rather than by the loader, so a malformed BPMN is a finding
// and not the end of the report.
//
// Every Finding has a severity, a stable code (see appframework/README.md
// for each code and what to do about it), the file and a JSON pointer into
// it (XML files have a line instead). Report.Findings are sorted and free of
// duplicates, so output is stable between runs. WriteText and WriteJSON
// format a report for people and for CI.
package lint
