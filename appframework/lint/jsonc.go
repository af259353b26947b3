// SPDX-License-Identifier: MIT

package lint

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"strconv"
	"strings"

	"github.com/blankett/blankett/appframework/app"
)

// rawFiles reads and caches JSON files of the app by path.
type rawFiles struct {
	fsys fs.FS
	docs map[string]any
}

// at returns the raw JSON of the value at pointer in file.
func (r *rawFiles) at(file, pointer string) (json.RawMessage, bool) {
	if r.docs == nil {
		r.docs = map[string]any{}
	}
	doc, ok := r.docs[file]
	if !ok {
		data, err := fs.ReadFile(r.fsys, file)
		if err == nil {
			dec := json.NewDecoder(bytes.NewReader(app.Relax(data)))
			dec.UseNumber()
			if dec.Decode(&doc) != nil {
				doc = nil
			}
		}
		r.docs[file] = doc
	}
	if doc == nil {
		return nil, false
	}
	v, ok := resolve(doc, pointer)
	if !ok {
		return nil, false
	}
	raw, err := json.Marshal(v)
	return raw, err == nil
}

// resolve follows an RFC 6901 JSON pointer through decoded JSON.
func resolve(doc any, pointer string) (any, bool) {
	if pointer == "" {
		return doc, true
	}
	if !strings.HasPrefix(pointer, "/") {
		return nil, false
	}
	cur := doc
	for tok := range strings.SplitSeq(pointer[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch v := cur.(type) {
		case map[string]any:
			next, ok := v[tok]
			if !ok {
				return nil, false
			}
			cur = next
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v) {
				return nil, false
			}
			cur = v[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// escape writes a JSON pointer reference token.
func escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// exprPointer turns an expression path ("$[1][0]") into a JSON pointer
// suffix ("/1/0").
func exprPointer(path string) string {
	path = strings.TrimPrefix(path, "$")
	var b strings.Builder
	for part := range strings.SplitSeq(path, "[") {
		part = strings.TrimSuffix(part, "]")
		if part != "" {
			b.WriteString("/" + part)
		}
	}
	return b.String()
}
