// SPDX-License-Identifier: MIT

package xmltree

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	lim := Limits{MaxBytes: 1 << 10, MaxDepth: 4}
	tests := []struct {
		name, in, wantErr string
	}{
		{"ok with BOM and prefixes", "\ufeff<a:r xmlns:a=\"urn:a\"><a:k id=\"1\"> t<!-- c -->x </a:k><k/></a:r>", ""},
		{"too large", "<r>" + strings.Repeat("x", 2000) + "</r>", "larger than 1024 bytes"},
		{"too deep", "<a><b><c><d><e/></d></c></b></a>", "nested deeper than 4"},
		{"two roots", "<a/><b/>", "more than one root"},
		{"DTD", `<!DOCTYPE r [<!ENTITY x "y">]><r/>`, "DOCTYPE"},
		{"syntax", "<r><k></r>", "1:0:"},
		{"empty", "", "no root element"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse(strings.NewReader(tt.in), lim)
			if tt.wantErr != "" {
				var e *Error
				if !errors.As(err, &e) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want *Error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if n.Local != "r" || n.Child("k").AttrValue("id") != "1" || n.ChildText("k") != "tx" || len(n.Children("k")) != 2 {
				t.Fatalf("tree: %+v", n)
			}
		})
	}
}

func TestPosError(t *testing.T) {
	kind := errors.New("k")
	for _, tt := range []struct {
		line, col int
		want      string
	}{{3, 7, "k: line 3:7: bad x"}, {3, 0, "k: line 3: bad x"}, {0, 0, "k: bad x"}} {
		err := PosError(kind, tt.line, tt.col, "bad %s", "x")
		if err.Error() != tt.want || !errors.Is(err, kind) {
			t.Errorf("PosError(%d,%d) = %q", tt.line, tt.col, err)
		}
	}
}
