// SPDX-License-Identifier: MIT

package jsonobj

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// ErrSyntax reports input that is not one JSON value.
var ErrSyntax = errors.New("jsonobj: invalid JSON")

// MaxDepth bounds the nesting Decode accepts, so hostile input cannot exhaust
// the stack.
const MaxDepth = 512

// Decode parses one JSON value (a leading UTF-8 byte-order mark is allowed).
// Objects become *Object with their keys in document order, arrays []any and
// numbers json.Number.
func Decode(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	d.UseNumber()
	v, err := decodeValue(d, 0)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w: data after the value at offset %d", ErrSyntax, d.InputOffset())
	}
	return v, nil
}

func decodeValue(d *json.Decoder, depth int) (any, error) {
	if depth > MaxDepth {
		return nil, fmt.Errorf("%w: nested deeper than %d", ErrSyntax, MaxDepth)
	}
	tok, err := d.Token()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			o := New()
			for d.More() {
				kt, err := d.Token()
				if err != nil {
					return nil, fmt.Errorf("%w: %v", ErrSyntax, err)
				}
				k, _ := kt.(string)
				v, err := decodeValue(d, depth+1)
				if err != nil {
					return nil, err
				}
				o.Set(k, v)
			}
			return o, closing(d)
		case '[':
			arr := []any{}
			for d.More() {
				v, err := decodeValue(d, depth+1)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			return arr, closing(d)
		}
		return nil, fmt.Errorf("%w: unexpected %v", ErrSyntax, t)
	}
	return tok, nil
}

func closing(d *json.Decoder) error {
	if _, err := d.Token(); err != nil {
		return fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	return nil
}
