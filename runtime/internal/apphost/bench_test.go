// SPDX-License-Identifier: MIT

package apphost

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// BenchmarkDeploy measures a whole deploy of a corpus app: read and check the bundle,
// lint, load and compile, store the blob and the row.
func BenchmarkDeploy(b *testing.B) {
	for _, name := range []string{"subform-test", "frontend-test"} {
		b.Run(name, func(b *testing.B) {
			e := newEnv(b, dbtest.SQLite(b))
			h := e.host(b)
			raw := pack(b, corpusFiles(b, name))
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				if _, err := h.Deploy(context.Background(), bytes.NewReader(raw), DeployMeta{Version: fmt.Sprintf("v%d", i)}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCompile measures lint, load and compile alone, from an in-memory bundle.
func BenchmarkCompile(b *testing.B) {
	raw := pack(b, corpusFiles(b, "frontend-test"))
	bd, err := readBundle(bytes.NewReader(raw), DefaultLimits())
	if err != nil {
		b.Fatal(err)
	}
	h := New(nil, nil)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := compile(bd.fsys, h.renderer, true); err != nil {
			b.Fatal(err)
		}
	}
}
