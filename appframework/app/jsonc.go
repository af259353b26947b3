// SPDX-License-Identifier: MIT

package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// relax turns the JSON Altinn accepts into strict JSON: it drops a UTF-8
// byte-order mark and blanks out // and /* */ comments and commas before a
// closing bracket. Blanking (rather than deleting) keeps every byte offset,
// so decoder errors still point at the right line and column. The input is
// not modified.
// Relax turns the JSON Altinn accepts in app files into strict JSON: the byte-order
// mark removed, comments and trailing commas blanked out (offsets are kept, so error
// positions still point into the original file). Lint reads raw files through it.
func Relax(data []byte) []byte { return relax(data) }

func relax(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !bytes.ContainsAny(data, "/,") {
		return data
	}
	out := bytes.Clone(data)
	lastComma := -1 // offset of a comma that may be trailing
	for i := 0; i < len(out); i++ {
		switch c := out[i]; {
		case c == '"':
			lastComma = -1
			for i++; i < len(out) && out[i] != '"'; i++ {
				if out[i] == '\\' {
					i++
				}
			}
		case c == '/' && i+1 < len(out) && out[i+1] == '/':
			for ; i < len(out) && out[i] != '\n'; i++ {
				out[i] = ' '
			}
		case c == '/' && i+1 < len(out) && out[i+1] == '*':
			end := bytes.Index(out[i+2:], []byte("*/"))
			stop := len(out)
			if end >= 0 {
				stop = i + 2 + end + 2
			}
			for ; i < stop; i++ {
				if out[i] != '\n' {
					out[i] = ' '
				}
			}
			i--
		case c == ',':
			lastComma = i
		case c == '}' || c == ']':
			if lastComma >= 0 {
				out[lastComma] = ' '
			}
			lastComma = -1
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			lastComma = -1
		}
	}
	return out
}

// decodeFile decodes a relaxed JSON file into v; syntax errors become an
// *Error with line and column.
func decodeFile(file string, data []byte, v any) *Error {
	clean := relax(data)
	if err := json.Unmarshal(clean, v); err != nil {
		return jsonErr(file, clean, err)
	}
	return nil
}

// jsonErr locates a decoding error in data.
func jsonErr(file string, data []byte, err error) *Error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		// Offset counts the offending byte as read.
		line, col := position(data, max(se.Offset-1, 0))
		return &Error{File: file, Line: line, Col: col, Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
	case errors.As(err, &te):
		p := "/" + string(bytes.ReplaceAll([]byte(te.Field), []byte("."), []byte("/")))
		return fileErr(file, p, ErrInvalid, "%s is %s; want %s", te.Field, te.Value, te.Type)
	}
	return fileErr(file, "", ErrSyntax, "%v", err)
}

// position converts a byte offset into a 1-based line and column. The BOM
// relax removed counts as nothing, as editors show it.
func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col = 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
