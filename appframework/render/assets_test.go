// SPDX-License-Identifier: MIT

package render

import (
	"io/fs"
	"strings"
	"testing"
)

func TestAssets(t *testing.T) {
	tests := []struct {
		name string
		want string // a fragment the file must contain
	}{
		{"designsystemet.css", ".ds-button"},
		{"theme.css", "--ds-color-"},
		{"blankett.css", ".bl-skip:focus"},
		{"LICENSE", "Permission is hereby granted"},
		{"VERSION", "@digdir/designsystemet-css"},
	}
	for _, tt := range tests {
		b, err := fs.ReadFile(Assets(), tt.name)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !strings.Contains(string(b), tt.want) {
			t.Errorf("%s lacks %q", tt.name, tt.want)
		}
		if strings.Contains(string(b), "@import") {
			t.Errorf("%s imports other files; vendor a bundled build", tt.name)
		}
	}
	for _, s := range Stylesheets {
		if _, err := fs.Stat(Assets(), s); err != nil {
			t.Errorf("stylesheet %s: %v", s, err)
		}
	}
}
