// SPDX-License-Identifier: MIT

package render

import (
	"testing"

	"github.com/blankett/blankett/appframework/htmlw/rawcheck"
)

// TestPrintersEscape keeps view data out of the printers' unescaped markup:
// strings go through Text, Attr or URL, and only html() writes a
// template.HTML, which the build step made safe.
func TestPrintersEscape(t *testing.T) {
	rawcheck.Check(t, "html*.go", []rawcheck.Markup{rawcheck.Raw, {Method: "wrap", Args: []int{0, 2}},
		{Method: "wrapText", Args: []int{0, 2}}, {Method: "sectionStart", Args: []int{0}}, {Method: "start", Args: []int{0}}, {Method: "flag", Args: []int{1}}}, "html")
}
