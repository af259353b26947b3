// SPDX-License-Identifier: MIT

package xsd

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// toUTF8 strips a byte-order mark and transcodes UTF-16 input, so that the XML
// decoder only ever sees UTF-8 or a single-byte encoding named in the declaration.
func toUTF8(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return utf16ToUTF8(data[2:], false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return utf16ToUTF8(data[2:], true)
	case len(data) >= 4 && data[0] == '<' && data[1] == 0 && data[2] == '?' && data[3] == 0:
		return utf16ToUTF8(data, false)
	case len(data) >= 4 && data[0] == 0 && data[1] == '<' && data[2] == 0 && data[3] == '?':
		return utf16ToUTF8(data, true)
	}
	return data, nil
}

func utf16ToUTF8(b []byte, bigEndian bool) ([]byte, error) {
	if len(b)%2 != 0 {
		return nil, fmt.Errorf("odd number of bytes in UTF-16 input")
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(u)+len(u)/4)
	for _, r := range utf16.Decode(u) {
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

// cp1252 spells the bytes 0x80–0x9F of windows-1252; the rest equals Latin-1.
const cp1252 = "\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178"

// charsetReader serves encoding/xml for declared encodings other than UTF-8.
// UTF-16 input has already been transcoded by toUTF8, so it passes through.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-16", "utf-16le", "utf-16be", "unicode", "utf8", "us-ascii", "ascii":
		return in, nil
	case "iso-8859-1", "latin1", "latin-1", "iso_8859-1", "l1":
		return singleByte(in, false)
	case "windows-1252", "cp1252":
		return singleByte(in, true)
	}
	return nil, fmt.Errorf("%w: encoding %q", ErrUnsupported, label)
}

func singleByte(in io.Reader, win bool) (io.Reader, error) {
	b, err := io.ReadAll(in)
	if err != nil {
		return nil, err
	}
	high := []rune(cp1252)
	out := make([]byte, 0, len(b)+len(b)/8)
	for _, c := range b {
		r := rune(c)
		if win && c >= 0x80 && c <= 0x9F {
			r = high[c-0x80]
		}
		out = utf8.AppendRune(out, r)
	}
	return bytes.NewReader(out), nil
}
