// SPDX-License-Identifier: MIT

package app_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/apitest"
	"github.com/blankett/blankett/runtime/internal/authz"
)

// TestProcessNextChunkedBody: a process/next body sent chunked (no
// Content-Length) is read like any other, so the action it names is the one
// authorised and taken, not the task type's default.
func TestProcessNextChunkedBody(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok := e.token(t, e.dagl)
		_, ip := e.filledInstance(t, tok)
		req, err := http.NewRequest(http.MethodPut, e.srv.URL+ip+"/process/next", io.NopCloser(strings.NewReader(`{"action":"nonsense"}`)))
		if err != nil {
			t.Fatal(err)
		}
		req.ContentLength = -1 // sent chunked
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Content-Type", "application/json")
		if r := apitest.Send(t, req); r.Status != http.StatusForbidden {
			t.Fatalf("chunked next with an unknown action: %d %s, want 403 (the action read and refused)", r.Status, r.Body)
		}
		var got struct{ CurrentTask struct{ ElementID string } }
		e.do(t, tok, http.MethodGet, ip+"/process", nil).JSON(t, &got)
		if got.CurrentTask.ElementID != "Task_1" {
			t.Errorf("the process moved to %s", got.CurrentTask.ElementID)
		}
	})
}

// TestProcessNextAppScopes: process/next asks for the app's own apiScopes, as
// every other instance route does: a token with the app's read and write
// scopes moves the process; one with the default write scope but not the
// app's is 403 insufficient_scope.
func TestProcessNextAppScopes(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnvWith(t, db, func(md map[string]any) {
			md["apiScopes"] = map[string]any{"users": map[string]any{"read": "ttd:[app]/read", "write": "ttd:[app]/write"}}
		})
		own := e.tokenWith(t, e.dagl, "ttd:signing-test/read", "ttd:signing-test/write")
		mixed := e.tokenWith(t, e.dagl, "ttd:signing-test/read", authz.ScopeInstancesWrite)
		for _, tt := range []struct {
			name string
			tok  string
			want int
		}{{"the app's scopes", own, http.StatusOK}, {"the default write scope only", mixed, http.StatusForbidden}} {
			_, ip := e.filledInstance(t, own)
			if r := e.do(t, tt.tok, http.MethodPut, ip+"/process/next", nil); r.Status != tt.want {
				t.Errorf("%s: next %d %s, want %d", tt.name, r.Status, r.Body, tt.want)
			}
		}
	})
}

// TestGetNextElements: GET process/next, kept by Altinn for old clients,
// answers an empty list to a reader and refuses anyone else.
func TestGetNextElements(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		_, ip := e.newInstance(t, e.token(t, e.dagl))
		if r := e.do(t, e.token(t, e.dagl), http.MethodGet, ip+"/process/next", nil); r.Status != http.StatusOK || strings.TrimSpace(string(r.Body)) != "[]" {
			t.Errorf("GET process/next: %d %s, want 200 []", r.Status, r.Body)
		}
		if r := e.do(t, "", http.MethodGet, ip+"/process/next", nil); r.Status != http.StatusUnauthorized {
			t.Errorf("GET process/next without a token: %d", r.Status)
		}
		if r := e.do(t, e.token(t, e.citizen), http.MethodGet, ip+"/process/next", nil); r.Status != http.StatusForbidden {
			t.Errorf("GET process/next as another party: %d", r.Status)
		}
	})
}
