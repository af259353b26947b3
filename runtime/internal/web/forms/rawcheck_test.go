// SPDX-License-Identifier: MIT

package forms

import (
	"testing"

	"github.com/blankett/blankett/appframework/htmlw/rawcheck"
)

// TestChromeEscapes keeps request data out of the chrome's unescaped markup;
// only print writes the body fragment, which the renderer escaped.
func TestChromeEscapes(t *testing.T) {
	rawcheck.Check(t, "chrome_html.go", []rawcheck.Markup{rawcheck.Raw}, "print")
}
