// SPDX-License-Identifier: MIT

package validate

import (
	"errors"
	"strings"
	"testing"
)

func TestPatterns(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern        string
		literalAnchors bool
		match, reject  []string
	}{
		{`[0-9]{9}`, false, []string{"012345678"}, []string{"12345678", "0123456789", "a12345678"}},
		{`\d{3}`, false, []string{"123", "١٢٣"}, []string{"12"}},
		{`^\d{4}$`, false, []string{"1234"}, []string{"^1234$", "12345"}},
		{`^\d{4}$`, true, []string{"^1234$"}, []string{"1234"}},
		{`a.c`, false, []string{"abc", "a c"}, []string{"a\nc", "a\rc"}},
		{`\i\c*`, false, []string{"_a-1", "navn.x"}, []string{"1a", "-a"}},
		{`[\i-[:]][\c-[:]]*`, false, []string{"ncname"}, []string{"a:b", ":a"}},
		{`[a-z-[aeiou]]+`, false, []string{"xyz"}, []string{"xaz"}},
		{`\p{IsBasicLatin}+`, false, []string{"abc"}, []string{"æ"}},
		{`\P{IsBasicLatin}`, false, []string{"æ"}, []string{"a"}},
		{`[\p{Lu}\d]+`, false, []string{"A1"}, []string{"a"}},
		{`\w+`, false, []string{"aø1"}, []string{"a b", "a.b"}},
		{`[\S]+`, false, []string{"a.b"}, []string{"a b"}},
		{`(ab|cd)+`, false, []string{"abcd"}, []string{"abc"}},
		{`[^@]+@[^\.]+\..+`, false, []string{"a@b.no"}, []string{"a@b"}},
		{`[-a]`, false, []string{"-", "a"}, []string{"b"}},
		{`\^\$`, false, []string{"^$"}, []string{""}},
	}
	for _, tt := range tests {
		re, err := compilePattern(tt.pattern, tt.literalAnchors)
		if err != nil {
			t.Errorf("%s: %v", tt.pattern, err)
			continue
		}
		for _, s := range tt.match {
			if !re.MatchString(s) {
				t.Errorf("%s (literal anchors %v) should match %q (%s)", tt.pattern, tt.literalAnchors, s, re)
			}
		}
		for _, s := range tt.reject {
			if re.MatchString(s) {
				t.Errorf("%s (literal anchors %v) should not match %q (%s)", tt.pattern, tt.literalAnchors, s, re)
			}
		}
	}
}

func TestPatternErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ pattern, msg string }{
		{`(?=[\S\s]{13}$)[\S\s]*^(978[0-9]{10})$`, "lookaround"},
		{`(a)\1`, "backreference"},
		{`\p{IsKlingon}`, "unknown Unicode block"},
		{`\p{Xx}`, "unknown Unicode category"},
		{`[a-`, "without ]"},
		{`\q`, `unknown escape \q`},
		{`a{2000}`, "invalid repeat count"},
		{`\`, "ends with a backslash"},
	}
	for _, tt := range tests {
		_, err := compilePattern(tt.pattern, false)
		if !errors.Is(err, ErrPattern) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: err = %v, want ErrPattern containing %q", tt.pattern, err, tt.msg)
		}
	}
}
