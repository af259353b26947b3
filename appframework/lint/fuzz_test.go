// SPDX-License-Identifier: MIT

package lint_test

import (
	"os"
	"testing"
	"testing/fstest"

	"github.com/blankett/blankett/appframework/lint"
)

// FuzzLint replaces one file of the minimal app with arbitrary bytes: Lint
// must report, never panic or fail.
func FuzzLint(f *testing.F) {
	files := []string{"App/ui/form/layouts/page1.json", "App/config/process/process.bpmn",
		"App/config/authorization/policy.xml", "App/models/model.validation.json", "App/config/applicationmetadata.json"}
	for i, name := range files {
		data, err := os.ReadFile(minimal + "/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), data)
	}
	f.Add(uint8(0), []byte(`{"data":{"layout":[{"id":"a","type":"Group","children":["a"]}]}}`))
	f.Add(uint8(0), []byte(`{"data":{"layout":[{"id":"a","type":"Input","hidden":["if",["dataModel",1],2]}]}}`))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		base := fixture(t, minimal, nil)
		m := fstest.MapFS{}
		for k, v := range base {
			m[k] = v
		}
		m[files[int(which)%len(files)]] = &fstest.MapFile{Data: data}
		if _, err := lint.Lint(m); err != nil {
			t.Fatalf("Lint: %v", err)
		}
	})
}
