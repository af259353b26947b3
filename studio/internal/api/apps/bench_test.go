// SPDX-License-Identifier: MIT

package apps_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// BenchmarkListApps is the dashboard: list an org of 1,000 apps through the API,
// authentication and authorisation included. The repositories are copies of one
// real repository, so each is a valid bare repo.
//
//	go test ./studio/internal/api/apps/ -run '^$' -bench ListApps -benchtime 200x
func BenchmarkListApps(b *testing.B) {
	f := newFixture(b, dbtest.SQLite(b))
	src, err := f.repos.Path("ttd", "app1")
	if err != nil {
		b.Fatal(err)
	}
	for i := range 999 {
		dst := filepath.Join(filepath.Dir(src), fmt.Sprintf("app-%04d.git", i))
		if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		r := f.do(b, "devel", "GET", "/orgs/ttd/apps", nil)
		if r.status != 200 || strings.Count(string(r.body), `"app":`) != 1000 {
			b.Fatalf("%d %.200s", r.status, r.body)
		}
	}
}
