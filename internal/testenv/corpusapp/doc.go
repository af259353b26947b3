// SPDX-License-Identifier: MIT

// Package corpusapp holds the steps tests take with the corpus apps
// (shared/corpus/apps) in more than one place: the policy fix component-library
// needs before anyone can end its second task (WithTaskWrite), and filling that
// app's first task in a real browser (FillComponentLibrary), so the forms UI's
// browser tests and the binary's end-to-end test walk the same form the same way.
package corpusapp
