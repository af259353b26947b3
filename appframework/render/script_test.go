// SPDX-License-Identifier: MIT

package render

import (
	"bytes"
	"regexp"
	"testing"
)

func TestScript(t *testing.T) {
	name, body := Script()
	if !regexp.MustCompile(`^blankett\.[0-9a-f]{12}\.js$`).MatchString(name) {
		t.Errorf("name %q has no content hash", name)
	}
	for _, want := range []string{"X-Blankett-Fragment", "bl-status", `form.bl-page[data-page]`} {
		if !bytes.Contains(body, []byte(want)) {
			t.Errorf("script lacks %q", want)
		}
	}
	// CSP-friendly: no eval-like constructs.
	for _, bad := range []string{"eval(", "new Function", "document.write"} {
		if bytes.Contains(body, []byte(bad)) {
			t.Errorf("script uses %q", bad)
		}
	}
}
