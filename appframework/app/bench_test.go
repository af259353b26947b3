// SPDX-License-Identifier: MIT

package app_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/appframework/app"
)

// BenchmarkLoad loads and compiles corpus apps from disk: JSON and XSD
// parsing, models and field trees, component typing, tree resolution and the
// compiled expression layouts. The target is under 50 ms per app.
func BenchmarkLoad(b *testing.B) {
	dir, _ := corpusApps(b)
	for _, name := range []string{"frontend-test", "component-library"} {
		fsys := os.DirFS(filepath.Join(dir, name))
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := app.Load(fsys, app.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
