// SPDX-License-Identifier: MIT

package xsdjson_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

// BenchmarkConvertLargest converts the largest corpus XSD (real/3422-39646.xsd,
// 270 KB) from its bytes to JSON Schema text: read, resolve, convert, marshal.
func BenchmarkConvertLargest(b *testing.B) {
	path := testcorpus.Path(b, "xsd", "real", "3422-39646.xsd")
	fsys := os.DirFS(filepath.Dir(path))
	b.ReportAllocs()
	for b.Loop() {
		o, err := xsdjson.ConvertFile(fsys, filepath.Base(path), xsd.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := xsdjson.Marshal(o); err != nil {
			b.Fatal(err)
		}
	}
}
