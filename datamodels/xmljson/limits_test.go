// SPDX-License-Identifier: MIT

package xmljson_test

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/xmljson"
)

func TestReadErrors(t *testing.T) {
	t.Parallel()
	m := modelFor(t, "testdata:shapes.xsd")
	deep := head + strings.Repeat("<rad>", 200) + strings.Repeat("</rad>", 200) + tail
	deepUnknown := head + strings.Repeat("<x>", 200) + strings.Repeat("</x>", 200) + tail
	tests := []struct {
		name, xml string
		opts      xmljson.ReadOptions
		err       error
		msg       string
	}{
		{"DTD", `<!DOCTYPE skjema [<!ENTITY x "y">]>` + head + tail, xmljson.ReadOptions{}, xmljson.ErrForbidden, "DTDs and entity declarations are not accepted"},
		{"undeclared entity", head + `<orgnr>&x;</orgnr>` + tail, xmljson.ReadOptions{}, xmljson.ErrSyntax, "invalid character entity &x;"},
		{"wrong root", `<melding/>`, xmljson.ReadOptions{}, xmljson.ErrRoot, `<melding> in namespace "", want <skjema> in namespace "urn:blankett:test"`},
		{"not XML", `{"a":1}`, xmljson.ReadOptions{}, xmljson.ErrSyntax, "line 1"},
		{"unclosed", head, xmljson.ReadOptions{}, xmljson.ErrSyntax, "document ends inside an element"},
		{"mismatched end tag", head + `<orgnr></merknad>` + tail, xmljson.ReadOptions{}, xmljson.ErrSyntax, "element <orgnr> closed by </merknad>"},
		{"undeclared prefix", head + `<p:orgnr/>` + tail, xmljson.ReadOptions{}, xmljson.ErrSyntax, `undeclared namespace prefix "p"`},
		{"two roots", head + tail + head + tail, xmljson.ReadOptions{}, xmljson.ErrSyntax, "a second root element"},
		{"empty", ``, xmljson.ReadOptions{}, xmljson.ErrSyntax, "no root element"},
		{"UTF-16 without a byte-order mark", "<\x00s\x00", xmljson.ReadOptions{}, xmljson.ErrSyntax, "UTF-16 input without a byte-order mark"},
		{"UTF-16 declaring Latin-1", string(utf16LE(`<?xml version="1.0" encoding="iso-8859-1"?>` + head + tail)), xmljson.ReadOptions{}, xmljson.ErrSyntax, `UTF-16 but declares encoding "iso-8859-1"`},
		{"undeclared Latin-1 read as UTF-8", head + "<orgnr>\xf8</orgnr>" + tail, xmljson.ReadOptions{}, xmljson.ErrSyntax, "UTF-8"},
		{"too deep", deep, xmljson.ReadOptions{}, xmljson.ErrLimit, "nested deeper than 128"},
		{"too deep in unknown content", deepUnknown, xmljson.ReadOptions{}, xmljson.ErrLimit, "nested deeper than 128"},
		{"too large", head + strings.Repeat("<!-- -->", 200) + tail, xmljson.ReadOptions{Limits: xmljson.Limits{MaxBytes: 1000}}, xmljson.ErrLimit, "larger than 1000 bytes"},
		{"text too long", head + `<orgnr>` + strings.Repeat("x", 2000) + `</orgnr>` + tail, xmljson.ReadOptions{Limits: xmljson.Limits{MaxText: 1000}}, xmljson.ErrLimit, "text longer than 1000 bytes"},
		{"too many mismatches", head + strings.Repeat("<x/>", 20) + tail, xmljson.ReadOptions{Limits: xmljson.Limits{MaxMismatches: 10}}, xmljson.ErrLimit, "more than 10 mismatches"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := m.ReadXML(strings.NewReader(tt.xml), tt.opts)
			if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v, want %v containing %q", err, tt.err, tt.msg)
			}
		})
	}
}

// repeatReader streams n bytes: head, then body repeated, never held whole.
type repeatReader struct {
	head, body []byte
	n, off     int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.off >= r.n {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && r.off < r.n {
		var c byte
		if r.off < int64(len(r.head)) {
			c = r.head[r.off]
		} else {
			c = r.body[(r.off-int64(len(r.head)))%int64(len(r.body))]
		}
		p[k] = c
		k++
		r.off++
	}
	return k, nil
}

// TestHugeInstance streams a 100 MB instance: reading stops at the default
// size limit with a clear error, and memory stays bounded by that limit.
func TestHugeInstance(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 32 MiB")
	}
	m := modelFor(t, "testdata:shapes.xsd")
	r := &repeatReader{head: []byte(head), body: []byte("<merknad>x</merknad>\n"), n: 100 << 20}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := m.ReadXML(r, xmljson.ReadOptions{})
	runtime.ReadMemStats(&after)
	if !errors.Is(err, xmljson.ErrLimit) || !strings.Contains(err.Error(), "larger than 33554432 bytes") {
		t.Fatalf("err = %v", err)
	}
	if r.off > xmljson.DefaultMaxBytes+1<<20 {
		t.Errorf("read %d bytes, want the reading to stop near the limit", r.off)
	}
	if grew := after.HeapInuse - min(after.HeapInuse, before.HeapInuse); grew > 512<<20 {
		t.Errorf("heap grew by %d MiB", grew>>20)
	}
	t.Logf("100 MB instance: %v after %d MiB read", err, r.off>>20)
}

// TestDeepInstance nests a million elements: the depth limit stops it at
// once, in bounded memory.
func TestDeepInstance(t *testing.T) {
	t.Parallel()
	m := modelFor(t, "testdata:shapes.xsd")
	r := &repeatReader{head: []byte(head), body: []byte("<rad>"), n: 5 << 20}
	_, err := m.ReadXML(r, xmljson.ReadOptions{})
	if !errors.Is(err, xmljson.ErrLimit) || !strings.Contains(err.Error(), "nested deeper") {
		t.Fatalf("err = %v", err)
	}
	if r.off > 1<<20 {
		t.Errorf("read %d bytes before failing", r.off)
	}
	_ = bytes.MinRead
}
