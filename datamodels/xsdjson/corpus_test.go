// SPDX-License-Identifier: MIT

package xsdjson_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	jsv "github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

// TestConvertCorpus converts every corpus XSD, golden or not, and checks that
// the result compiles as a draft 2020-12 schema. Known-invalid schemas must
// fail with a clear reason instead.
func TestConvertCorpus(t *testing.T) {
	t.Parallel()
	invalid := map[string]string{
		"SimpleInvalidNonSeresSchema.xsd": `SimpleInvalidNonSeresSchema.xsd:6:3: type="MessageV1": type "MessageV1" (in no namespace) is not declared`,
	}
	for _, dir := range []string{"general", "seres", "real"} {
		root := testcorpus.Path(t, "xsd", dir)
		files, _ := filepath.Glob(filepath.Join(root, "*.xsd"))
		ok := 0
		for _, f := range files {
			name := filepath.Base(f)
			got, err := xsdjson.ConvertFile(os.DirFS(root), name, xsd.Options{})
			if want, bad := invalid[name]; bad {
				if err == nil || !errors.Is(err, xsd.ErrInvalid) || !strings.Contains(err.Error(), want) {
					t.Errorf("%s/%s: err = %v, want ErrInvalid containing %q", dir, name, err, want)
					continue
				}
				ok++
				continue
			}
			if err != nil {
				t.Errorf("%s/%s: %v", dir, name, err)
				continue
			}
			if err := compiles(got); err != nil {
				t.Errorf("%s/%s: output does not compile: %v", dir, name, err)
				continue
			}
			ok++
		}
		t.Logf("xsd/%s converted: %d/%d", dir, ok, len(files))
	}
}

type anyRegexp string

func (r anyRegexp) MatchString(string) bool { return true }
func (r anyRegexp) String() string          { return string(r) }

func lenientRegexp(s string) (jsv.Regexp, error) {
	if re, err := regexp.Compile(s); err == nil {
		return re, nil
	}
	return anyRegexp(s), nil
}

// compiles checks the output with the JSON Schema validator the runtime uses.
func compiles(o *xsdjson.Object) error {
	b, err := json.Marshal(o)
	if err != nil {
		return err
	}
	doc, err := jsv.UnmarshalJSON(strings.NewReader(string(b)))
	if err != nil {
		return err
	}
	c := jsv.NewCompiler()
	// XSD patterns are not RE2 (some real ones use lookahead, which .NET
	// accepts); translating them is the validator's job, so here any pattern
	// that RE2 rejects is accepted as is.
	c.UseRegexpEngine(lenientRegexp)
	if err := c.AddResource("schema.json", doc); err != nil {
		return err
	}
	_, err = c.Compile("schema.json")
	return err
}
