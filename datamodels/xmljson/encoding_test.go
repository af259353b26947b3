// SPDX-License-Identifier: MIT

package xmljson_test

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/blankett/blankett/datamodels/xmljson"
)

// utf16LE encodes s as UTF-16 little-endian with its byte-order mark.
func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = binary.LittleEndian.AppendUint16(out, u)
	}
	return out
}

// utf16BE encodes s as UTF-16 big-endian with its byte-order mark.
func utf16BE(s string) []byte {
	out := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		out = binary.BigEndian.AppendUint16(out, u)
	}
	return out
}

// TestReadEncodings: the encodings Altinn's apps take read to the same value
// as plain UTF-8 — UTF-16 led by its byte-order mark (either order, with or
// without a declaration), and UTF-8 that declares utf-16 (what .NET's
// XmlSerializer writes through a StringWriter), a UTF-8 byte-order mark and
// Latin-1 and windows-1252 as declared.
func TestReadEncodings(t *testing.T) {
	t.Parallel()
	m := modelFor(t, "testdata:shapes.xsd")
	doc := head + `<orgnr>Blåbær Æsøy AS €</orgnr>` + tail
	want, err := m.ReadXML(strings.NewReader(doc), xmljson.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	latin1 := strings.NewReplacer("å", "\xe5", "æ", "\xe6", "Æ", "\xc6", "ø", "\xf8")
	decl := func(enc string) string { return `<?xml version="1.0" encoding="` + enc + `"?>` }
	for _, tt := range []struct{ name, xml string }{
		{"UTF-16LE with BOM", string(utf16LE(doc))},
		{"UTF-16LE with BOM and declaration", string(utf16LE(decl("utf-16") + doc))},
		{"UTF-16BE with BOM and declaration", string(utf16BE(decl("UTF-16") + "\r\n" + doc))},
		{"UTF-8 declaring utf-16", decl("utf-16") + doc},
		{"UTF-8 with BOM declaring utf-8", "\xef\xbb\xbf" + decl("utf-8") + doc},
		{"windows-1252", decl("windows-1252") + strings.ReplaceAll(latin1.Replace(doc), "€", "\x80")},
	} {
		got, err := m.ReadXML(strings.NewReader(tt.xml), xmljson.ReadOptions{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if a, b := compact(t, got.Value), compact(t, want.Value); a != b {
			t.Errorf("%s: read %s, want %s", tt.name, a, b)
		}
	}
}
