// SPDX-License-Identifier: MIT

package app_test

import (
	"net/http"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestStaticResources covers texts (with the nb fallback), static options and
// application settings, which are public like applicationmetadata.
func TestStaticResources(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tests := []struct {
			name, path string
			status     int
			code       string
			check      func(t *testing.T, r response)
		}{
			{"texts in nb", "/ttd/signing-test/api/v1/texts/nb", 200, "", func(t *testing.T, r response) {
				var tr struct {
					ID, Org, Language string
					Resources         []struct{ ID, Value string }
				}
				r.JSON(t, &tr)
				if tr.Language != "nb" || tr.Org != "ttd" || len(tr.Resources) == 0 || tr.Resources[0].ID == "" {
					t.Fatalf("texts: %s", r.Body)
				}
			}},
			{"texts in a language the app lacks fall back to nb", "/ttd/signing-test/api/v1/texts/en", 200, "", func(t *testing.T, r response) {
				var tr struct{ Language string }
				r.JSON(t, &tr)
				if tr.Language != "nb" {
					t.Fatalf("fallback: %s", r.Body)
				}
			}},
			{"static options", "/ttd/signing-test/api/options/revenue-sources?language=nb&x=1", 200, "", func(t *testing.T, r response) {
				var opts []struct{ Value, Label string }
				r.JSON(t, &opts)
				if len(opts) != 4 || opts[0].Value != "a" || opts[0].Label != "xpwJMabXnhVc" {
					t.Fatalf("options: %s", r.Body)
				}
			}},
			{"unknown options", "/ttd/signing-test/api/options/nope", 404, "options_not_found", nil},
			{"application settings", "/ttd/signing-test/api/v1/applicationsettings", 200, "", func(t *testing.T, r response) {
				if string(r.Body) != "{}" {
					t.Fatalf("settings: %s", r.Body)
				}
			}},
			{"texts of an app not deployed", "/ttd/nope/api/v1/texts/nb", 404, "app_not_found", nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := e.do(t, "", http.MethodGet, tt.path, nil)
				if r.Status != tt.status || r.ProblemCode() != tt.code {
					t.Fatalf("%d %q: %s", r.Status, r.ProblemCode(), r.Body)
				}
				if tt.check != nil {
					tt.check(t, r)
				}
			})
		}
	})
}
