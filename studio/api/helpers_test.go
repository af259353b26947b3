// SPDX-License-Identifier: MIT

package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/blankett/blankett/internal/openapitest"
	"github.com/blankett/blankett/internal/testenv/roletest"
	"github.com/blankett/blankett/studio"
)

// devPassword is the dev user's password in these tests.
const devPassword = "dev-password-for-tests"

// server is the studio role started as platform.Run starts it, in dev mode.
type server struct{ *roletest.Server }

// newServer starts studio in dev mode on migrated SQLite. It listens for real so that
// the OIDC login's discovery and code exchange reach the dev IdP at the public URL.
func newServer(t *testing.T) *server {
	t.Helper()
	cfg := studio.DefaultConfig()
	cfg.DevPassword = devPassword
	return &server{roletest.Start(t, studio.New(cfg))}
}

func (s *server) do(req *http.Request) openapitest.Exchange { return openapitest.Do(s.Handler, req) }

// jsonRequest builds a request with a JSON body (nil: none).
func jsonRequest(method, path string, body any) *http.Request {
	var r *http.Request
	if body == nil {
		r = httptest.NewRequest(method, path, nil)
	} else {
		b, _ := json.Marshal(body)
		r = httptest.NewRequest(method, path, bytes.NewReader(b))
		r.Header.Set("Content-Type", "application/json")
	}
	return r
}
