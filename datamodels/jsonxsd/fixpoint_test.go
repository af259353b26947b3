// SPDX-License-Identifier: MIT

package jsonxsd_test

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

// TestJSONFixpoint checks the other direction for every corpus XSD: the
// XSD written from xsdjson's JSON Schema converts back to the same JSON
// Schema, so nothing the dialect holds is lost on the way out, including in
// the files whose XSD round trip is known to lose something.
func TestJSONFixpoint(t *testing.T) {
	same, total := 0, 0
	for _, dir := range []string{"general", "seres", "real"} {
		root := testcorpus.Path(t, "xsd", dir)
		files, _ := filepath.Glob(filepath.Join(root, "*.xsd"))
		for _, f := range files {
			name := filepath.Base(f)
			if name == "SimpleInvalidNonSeresSchema.xsd" {
				continue
			}
			total++
			want, out, err := there(root, name)
			if err != nil {
				t.Errorf("%s/%s: %v", dir, name, err)
				continue
			}
			first, err := xsdjson.Convert(want)
			if err != nil {
				t.Fatal(err)
			}
			parsed, err := xsd.Parse(out, name, xsd.Options{})
			if err != nil {
				t.Errorf("%s/%s: %v", dir, name, err)
				continue
			}
			set, err := xsd.NewSet(parsed)
			if err != nil {
				t.Errorf("%s/%s: %v", dir, name, err)
				continue
			}
			second, err := xsdjson.Convert(set)
			if err != nil {
				t.Errorf("%s/%s: our XSD does not convert: %v", dir, name, err)
				continue
			}
			a, b := plain(t, first), plain(t, second)
			if !reflect.DeepEqual(a, b) {
				ab, _ := json.Marshal(a)
				bb, _ := json.Marshal(b)
				t.Errorf("%s/%s: JSON Schema changed on the way back:\n%.600s\n%.600s", dir, name, firstDiff(string(ab), string(bb)), firstDiff(string(bb), string(ab)))
				continue
			}
			same++
		}
	}
	t.Logf("json fixpoint: %d/%d", same, total)
}

func plain(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// firstDiff returns a from a little before the first byte where it differs from b.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[max(0, i-200):]
}
