// SPDX-License-Identifier: MIT

package app_test

import (
	"bytes"
	"encoding/binary"
	"net/http"
	"testing"
	"unicode/utf16"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestFormDataEncodings: form data sent as .NET clients send it — UTF-16 led
// by its byte-order mark, or UTF-8 that declares utf-16 (XmlSerializer
// through a StringWriter) — is stored, as Altinn's apps store it, and read
// back as UTF-8 with the same content.
func TestFormDataEncodings(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok := e.token(t, e.dagl)
		doc := `<data><form><name>Blåbær AS</name></form></data>`
		le := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(`<?xml version="1.0" encoding="utf-16"?>` + doc)) {
			le = binary.LittleEndian.AppendUint16(le, u)
		}
		for name, body := range map[string][]byte{
			"UTF-16 with its byte-order mark": le,
			"UTF-8 declaring utf-16":          []byte(`<?xml version="1.0" encoding="utf-16"?>` + doc),
		} {
			inst, ip := e.newInstance(t, tok)
			path := ip + "/data/" + inst.Data[0].ID
			if r := e.do(t, tok, http.MethodPut, path, body, "Content-Type", "application/xml"); r.Status != http.StatusCreated {
				t.Errorf("%s: PUT %d %s", name, r.Status, r.Body)
				continue
			}
			r := e.do(t, tok, http.MethodGet, path, nil, "Accept", "application/xml")
			if !bytes.Contains(r.Body, []byte(`encoding="utf-8"`)) || !bytes.Contains(r.Body, []byte("<name>Blåbær AS</name>")) {
				t.Errorf("%s: read back %s", name, r.Body)
			}
		}
	})
}
