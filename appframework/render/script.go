// SPDX-License-Identifier: MIT

package render

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
)

//go:embed assets/script/blankett.js
var script []byte

// scriptName is the script's file name with a hash of its content, computed once.
var scriptName = func() string {
	sum := sha256.Sum256(script)
	return "blankett." + hex.EncodeToString(sum[:6]) + ".js"
}()

// Script returns the progressive-enhancement script of the form pages and its
// file name, which carries a hash of the content so that it can be cached for
// good: autosave on change, swapping of the server's re-rendered form, the
// "saved" status. Pages work without it. It expects the page's form as RenderPage
// writes it and an element #bl-status (role="status") whose data-saving,
// data-saved, data-invalid and data-failed attributes hold the status texts; it
// posts with the header X-Blankett-Fragment: 1 and swaps only answers that carry
// that header back with the page's <form> as their body.
func Script() (name string, body []byte) { return scriptName, script }
