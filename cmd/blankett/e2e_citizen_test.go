// SPDX-License-Identifier: MIT

package main

import (
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/testenv/browser"
	"github.com/blankett/blankett/internal/testenv/corpusapp"
)

// fillComponentLibrary fills every required field of component-library's first
// task from a new instance's first page, submits it, submits the second task
// from its last page and expects the receipt.
func fillComponentLibrary(t *testing.T, b *browser.Browser) {
	t.Helper()
	corpusapp.FillComponentLibrary(t, b, []string{"Kari"}, nil)
	b.ClickNav(`button[value="submit"]`)
	if b.Exists("#bl-error-summary") {
		t.Fatalf("the first task did not validate: %s", b.Text("#bl-error-summary"))
	}
	corpusapp.Page(t, b, "RenderSpecificComponentFromPreviousTask")
	if st := b.ClickNav(`button[value="submit"]`); st != 200 || !strings.HasSuffix(b.URL(), "/receipt") {
		t.Fatalf("submit: status %d at %s:\n%s", st, b.URL(), b.Text("main"))
	}
}
