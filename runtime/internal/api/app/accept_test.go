// SPDX-License-Identifier: MIT

package app_test

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestFormDataAccept: GET of form data answers JSON or XML as the Accept
// header prefers them, q-values included.
func TestFormDataAccept(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok := e.token(t, e.dagl)
		inst, ip := e.newInstance(t, tok)
		path := ip + "/data/" + inst.Data[0].ID
		for _, tt := range []struct {
			accept string
			json   bool
		}{
			{"", true},
			{"application/json", true},
			{"application/xml", false},
			{"text/xml", false},
			{"application/json, application/xml;q=0.5", true},
			{"application/xml;q=0.9, application/json;q=0.5", false},
			{"application/xml;q=0, */*", true},
		} {
			r := e.do(t, tok, http.MethodGet, path, nil, "Accept", tt.accept)
			isJSON := bytes.HasPrefix(bytes.TrimSpace(r.Body), []byte("{"))
			if r.Status != http.StatusOK || isJSON != tt.json {
				t.Errorf("Accept %q: %d, JSON %v, want JSON %v: %.80s", tt.accept, r.Status, isJSON, tt.json, r.Body)
			}
		}
	})
}
