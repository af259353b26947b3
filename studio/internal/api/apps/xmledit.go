// SPDX-License-Identifier: MIT

package apps

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"slices"
	"strings"
)

// The renames edit process.bpmn and policy.xml in place, replacing only the bytes
// of the attribute values and element texts that change: re-marshalling would lose
// the file's prefixes, layout and comments, which bpmn-js and reviewers rely on.

// xmlEdit replaces the bytes [start, end) of a document with text.
type xmlEdit struct {
	start, end int
	text       string
}

// xmlTok is one token of a document with its raw bytes at [start, end). path holds
// the local names of the open elements, innermost last; for a start tag it ends
// with the element itself.
type xmlTok struct {
	tok        xml.Token
	raw        []byte
	start, end int
	path       []string
}

// walkXML calls fn for every token of data, in order.
func walkXML(data []byte, fn func(t xmlTok)) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	var path []string
	for {
		start := int(d.InputOffset())
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		end := int(d.InputOffset())
		if se, ok := tok.(xml.StartElement); ok {
			path = append(path, se.Name.Local)
		}
		fn(xmlTok{tok: tok, raw: data[start:end], start: start, end: end, path: path})
		if _, ok := tok.(xml.EndElement); ok && len(path) > 0 {
			path = path[:len(path)-1]
		}
	}
}

// applyXMLEdits returns data with the edits made; edits do not overlap.
func applyXMLEdits(data []byte, edits []xmlEdit) []byte {
	slices.SortFunc(edits, func(a, b xmlEdit) int { return a.start - b.start })
	var out bytes.Buffer
	at := 0
	for _, e := range edits {
		out.Write(data[at:e.start])
		out.WriteString(e.text)
		at = e.end
	}
	out.Write(data[at:])
	return out.Bytes()
}

// attrRE is one attribute of a start tag: name (maybe prefixed), '=', quoted value.
var attrRE = regexp.MustCompile(`\s((?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*))\s*=\s*("[^"]*"|'[^']*')`)

// attrEdits renames the values of the attributes with one of the local names in
// the start tag t from from to to.
func attrEdits(t xmlTok, from, to string, names ...string) []xmlEdit {
	var out []xmlEdit
	for _, m := range attrRE.FindAllSubmatchIndex(t.raw, -1) {
		local := string(t.raw[m[4]:m[5]])
		val := t.raw[m[6]+1 : m[7]-1]
		if slices.Contains(names, local) && string(val) == from {
			out = append(out, xmlEdit{start: t.start + m[6] + 1, end: t.start + m[7] - 1, text: to})
		}
	}
	return out
}

// textEdit renames the text of char data t when, without surrounding white space,
// it is from.
func textEdit(t xmlTok, from, to string) (xmlEdit, bool) {
	s := string(t.raw)
	trimmed := strings.TrimSpace(s)
	if trimmed != from {
		return xmlEdit{}, false
	}
	i := strings.Index(s, trimmed)
	return xmlEdit{start: t.start + i, end: t.start + i + len(trimmed), text: to}, true
}

// xmlIDs returns the values of every id attribute of data.
func xmlIDs(data []byte) (map[string]bool, error) {
	ids := map[string]bool{}
	err := walkXML(data, func(t xmlTok) {
		if se, ok := t.tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Local == "id" {
					ids[a.Value] = true
				}
			}
		}
	})
	return ids, err
}
