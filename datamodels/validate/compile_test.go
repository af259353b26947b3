// SPDX-License-Identifier: MIT

package validate_test

import (
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/validate"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"

	"os"
)

// TestLookaheadPattern: real/bokskjema uses .NET lookahead, which neither
// XSD nor Go's regexp has. Compiling fails with a clear ErrPattern; with
// SkipUnsupportedPatterns it compiles and lists the patterns not enforced.
func TestLookaheadPattern(t *testing.T) {
	t.Parallel()
	p := testcorpus.Path(t, "xsd", "real", "bokskjema.xsd")
	doc, err := xsdjson.ConvertFile(os.DirFS(filepath.Dir(p)), filepath.Base(p), xsd.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = validate.Compile(doc, validate.Options{})
	if !errors.Is(err, validate.ErrPattern) || !strings.Contains(err.Error(), "lookaround") {
		t.Fatalf("err = %v, want ErrPattern about lookaround", err)
	}
	v, err := validate.Compile(doc, validate.Options{SkipUnsupportedPatterns: true})
	if err != nil {
		t.Fatal(err)
	}
	if w := v.Warnings(); len(w) != 3 || !strings.Contains(w[0], "pattern not enforced") {
		t.Errorf("warnings %q", w)
	}
}

func TestCache(t *testing.T) {
	t.Parallel()
	c := validate.NewCache(validate.Options{})
	schema := []byte(`{"@xsdRootElement":"r","properties":{"a":{"type":"string","maxLength":2}}}`)
	var wg sync.WaitGroup
	got := make([]*validate.Validator, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := c.Get(schema)
			if err != nil {
				t.Error(err)
			}
			got[i] = v
		}()
	}
	wg.Wait()
	for _, v := range got {
		if v != got[0] {
			t.Fatal("the schema was compiled more than once")
		}
	}
	if _, err := c.Get([]byte(`{`)); !errors.Is(err, validate.ErrSchema) {
		t.Errorf("bad schema: err = %v", err)
	}
	if c.Len() != 2 {
		t.Errorf("cache holds %d", c.Len())
	}
	res, err := got[0].ValidateJSON(strings.NewReader(`{"a":"abc"}`))
	if err != nil || len(res.Issues) != 1 || res.Issues[0].Code != "maxLength" {
		t.Errorf("issues %v, err %v", res, err)
	}
}

func TestUnreadableInstances(t *testing.T) {
	t.Parallel()
	v := compileXSD(t, "testdata", "model.xsd", validate.Options{})
	deep := strings.Repeat(`{"a":`, 200) + `1` + strings.Repeat(`}`, 200)
	for _, in := range []string{`{`, deep, `[1] [2]`} {
		if _, err := v.ValidateJSON(strings.NewReader(in)); !errors.Is(err, validate.ErrInput) {
			t.Errorf("%.20s: err = %v, want ErrInput", in, err)
		}
	}
	for _, in := range []string{`<melding`, `<!DOCTYPE melding><melding/>`, `<other/>`} {
		if _, err := v.ValidateXML(strings.NewReader(in)); !errors.Is(err, validate.ErrInput) {
			t.Errorf("%s: err = %v, want ErrInput", in, err)
		}
	}
}
