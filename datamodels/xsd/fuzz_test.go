// SPDX-License-Identifier: MIT

package xsd_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xsd"
)

// FuzzRead checks that any input either parses or fails with one of the
// package's sentinel errors, never panicking, within the default limits.
func FuzzRead(f *testing.F) {
	for _, dir := range []string{"general", "seres"} {
		files, _ := filepath.Glob(filepath.Join(testcorpus.Path(f, "xsd", dir), "*.xsd"))
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "b">]><x/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := xsd.Parse(data, "fuzz.xsd", xsd.Options{MaxBytes: 1 << 20})
		if err != nil {
			for _, want := range []error{xsd.ErrMalformed, xsd.ErrDTD, xsd.ErrLimit, xsd.ErrUnsupported, xsd.ErrInvalid} {
				if errors.Is(err, want) {
					return
				}
			}
			t.Fatalf("error without a sentinel: %v", err)
		}
		if _, err := xsd.NewSet(s); err != nil && !errors.Is(err, xsd.ErrInvalid) && !errors.Is(err, xsd.ErrUnsupported) {
			t.Fatalf("NewSet error without a sentinel: %v", err)
		}
	})
}
