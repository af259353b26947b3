// SPDX-License-Identifier: MIT

package xsd_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xsd"
)

// knownInvalid are corpus schemas that must be rejected, with a fragment the
// error must contain.
func knownInvalid() map[string]string {
	return map[string]string{
		"SimpleInvalidNonSeresSchema.xsd": `type "MessageV1" (in no namespace) is not declared`,
	}
}

func TestLoadCorpus(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{"general", "seres", "real"} {
		root := testcorpus.Path(t, "xsd", dir)
		files, err := filepath.Glob(filepath.Join(root, "*.xsd"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no XSDs in %s: %v", root, err)
		}
		ok := 0
		for _, f := range files {
			name := filepath.Base(f)
			set, err := xsd.Load(os.DirFS(root), name, xsd.Options{})
			if err == nil {
				for _, w := range set.Warnings() {
					t.Logf("warning: %v", w)
				}
			}
			want, invalid := knownInvalid()[name]
			switch {
			case invalid && err == nil:
				t.Errorf("%s/%s: loaded, want an error containing %q", dir, name, want)
			case invalid && (!strings.Contains(err.Error(), want) || !errors.Is(err, xsd.ErrInvalid)):
				t.Errorf("%s/%s: error %v, want ErrInvalid containing %q", dir, name, err, want)
			case !invalid && err != nil:
				t.Errorf("%s/%s: %v", dir, name, err)
			default:
				ok++
			}
		}
		t.Logf("xsd/%s: %d/%d read as expected", dir, ok, len(files))
	}
}
