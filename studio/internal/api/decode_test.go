// SPDX-License-Identifier: MIT

package api_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

func TestDecode(t *testing.T) {
	e := httpx.NewEngine(slog.New(slog.DiscardHandler), httpx.NewMetrics())
	e.POST("/x", func(c *gin.Context) {
		var v struct {
			Name string `json:"name"`
		}
		if api.Decode(c, &v) {
			c.String(http.StatusOK, "name="+v.Name)
		}
	})
	tests := []struct {
		name, ctype, body string
		status            int
		want              string
	}{
		{"ok", "application/json", `{"name":"a"}`, 200, "name=a"},
		{"charset", "application/json; charset=utf-8", `{"name":"a"}`, 200, "name=a"},
		{"no type", "", `{"name":"a"}`, 415, "unsupported_media_type"},
		{"form", "application/x-www-form-urlencoded", `name=a`, 415, "unsupported_media_type"},
		{"unknown field", "application/json", `{"name":"a","admin":true}`, 400, "invalid_json"},
		{"wrong type", "application/json", `{"name":1}`, 400, "field name has the wrong type"},
		{"trailing data", "application/json", `{"name":"a"}{}`, 400, "after the JSON object"},
		{"not JSON", "application/json", `name`, 400, "invalid_json"},
		{"empty", "application/json", ``, 400, "invalid_json"},
		{"too large", "application/json", `{"name":"` + strings.Repeat("a", 70<<10) + `"}`, 400, "larger than 64 KiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/x", strings.NewReader(tt.body))
			if tt.ctype != "" {
				r.Header.Set("Content-Type", tt.ctype)
			}
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, r)
			if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.want) {
				t.Fatalf("%d %.200s, want %d %q", rec.Code, rec.Body, tt.status, tt.want)
			}
		})
	}
}
