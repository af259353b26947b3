// SPDX-License-Identifier: MIT

package auth_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// TestServiceOwner runs the one admission check of the service-owner APIs (pull,
// events, deploy) over every kind of caller.
func TestServiceOwner(t *testing.T) {
	gin.SetMode(gin.TestMode)
	tests := []struct {
		name   string
		caller auth.Caller
		status int
		code   string
	}{
		{"no token", auth.Caller{}, 401, auth.CodeUnauthenticated},
		{"person", auth.Caller{Kind: auth.Person, UserID: 7, Scopes: []string{"b"}}, 403, auth.CodeNotServiceOwner},
		{"organisation that owns no apps", auth.Caller{Kind: auth.Machine, Scopes: []string{"b"}}, 403, auth.CodeNotServiceOwner},
		{"service owner without the scopes", auth.Caller{Kind: auth.Machine, Org: "ttd", Scopes: []string{"c"}}, 403, auth.CodeInsufficientScope},
		{"service owner with the first scope", auth.Caller{Kind: auth.Machine, Org: "ttd", Scopes: []string{"a"}}, 200, ""},
		{"service owner with the second scope", auth.Caller{Kind: auth.Machine, Org: "ttd", Scopes: []string{"c", "b"}}, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			c, _ := gin.CreateTestContext(w)
			c.Request = httptest.NewRequest(http.MethodGet, "/", nil).WithContext(auth.WithCaller(t.Context(), tt.caller))
			got, ok := auth.ServiceOwner(c, "a", "b")
			if ok != (tt.status == 200) {
				t.Fatalf("ok = %v, want status %d", ok, tt.status)
			}
			if ok {
				if got.Org != "ttd" || c.IsAborted() {
					t.Fatalf("admitted %+v, aborted %v", got, c.IsAborted())
				}
				return
			}
			var p struct{ Code string }
			if w.Code != tt.status || json.Unmarshal(w.Body.Bytes(), &p) != nil || p.Code != tt.code {
				t.Fatalf("%d %s, want %d %s", w.Code, w.Body, tt.status, tt.code)
			}
			if tt.status == 401 && w.Header().Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
			if tt.code == auth.CodeInsufficientScope && w.Header().Get("WWW-Authenticate") != `Bearer realm="blankett", error="insufficient_scope", scope="a b"` {
				t.Errorf("WWW-Authenticate = %q", w.Header().Get("WWW-Authenticate"))
			}
		})
	}
}
