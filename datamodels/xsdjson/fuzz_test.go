// SPDX-License-Identifier: MIT

package xsdjson_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

// FuzzConvert checks that any schema the reader accepts either converts to
// JSON that marshals, or fails with a sentinel error; never a panic.
func FuzzConvert(f *testing.F) {
	for _, dir := range []string{"general", "seres"} {
		files, _ := filepath.Glob(filepath.Join(testcorpus.Path(f, "xsd", dir), "*.xsd"))
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := xsd.Parse(data, "fuzz.xsd", xsd.Options{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		set, err := xsd.NewSet(s)
		if err != nil {
			return
		}
		o, err := xsdjson.Convert(set)
		if err != nil {
			if !errors.Is(err, xsdjson.ErrUnsupported) && !errors.Is(err, xsdjson.ErrInvalid) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		if _, err := xsdjson.Marshal(o); err != nil {
			t.Fatalf("marshal: %v", err)
		}
	})
}
