// SPDX-License-Identifier: MIT

package htmlw

import "strings"

// replacements is html/template's table for text nodes and quoted
// attribute values, indexed by byte; every other byte is written as it is.
var replacements = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// appendEscaped appends s to b with the bytes of replacements replaced.
// Bytes of multi-byte UTF-8 sequences are never in the table, so working
// byte by byte gives html/template's rune-by-rune result.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		if r := replacements[s[i]]; r != "" {
			b = append(b, s[last:i]...)
			b = append(b, r...)
			last = i + 1
		}
	}
	return append(b, s[last:]...)
}

// hasEscapable reports whether b holds a byte appendEscaped replaces.
func hasEscapable(b []byte) bool {
	for _, c := range b {
		if replacements[c] != "" {
			return true
		}
	}
	return false
}

// safeURL reports whether s is relative or has the scheme http, https or
// mailto: the URLs html/template lets through.
func safeURL(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

// appendNormalizedURL appends s with every byte a URL may not hold
// percent-encoded (lower-case hex), keeping reserved characters and
// existing escapes, as html/template's URL normaliser does.
func appendNormalizedURL(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if urlKeeps(c) || (c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])) {
			b = append(b, c)
			continue
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	return b
}

// urlKeeps reports whether the normaliser leaves c alone: letters, digits,
// RFC 3986's unreserved marks and its reserved characters except the
// quote and parentheses.
func urlKeeps(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!#$&*+,/:;=?@[]", c) >= 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
