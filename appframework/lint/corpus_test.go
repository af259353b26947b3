// SPDX-License-Identifier: MIT

package lint_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/lint"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

// corpusCodes are the finding codes of each corpus app. appframework/README.md
// explains every one; a new code here needs a line there.
var corpusCodes = map[string][]string{
	"component-library":          {"bad-child", "data-list-missing", "expr-unknown-function", "text-missing"},
	"expression-validation-test": {"option-list-missing", "type-case"},
	"frontend-test": {"csharp-file-validator", "csharp-user-action", "data-list-missing", "expr-unknown-field", "option-list-missing",
		"page-not-in-order", "process-gateway-extension-ignored", "process-gateway-no-default", "process-outgoing-unknown-flow",
		"text-missing-language", "text-variable-unknown"},
	"multiple-datamodels-test": {"csharp-user-action", "data-list-missing", "option-list-missing"},
	"payment-test": {"attachment-data-type-missing", "bad-child", "binding-unknown-field", "duplicate-text", "expr-unknown-field",
		"option-list-missing", "page-not-in-order", "process-gateway-no-default"},
	"signing-test":  {"process-flow-source-mismatch", "process-gateway-no-default"},
	"stateless-app": {"process-gateway-no-default"},
	"subform-test":  {"page-not-in-order"},
}

func TestCorpus(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range corpusCodes {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r, err := lint.Lint(os.DirFS(testcorpus.Path(t, "apps", name)))
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Codes(); !slices.Equal(got, want) {
				t.Errorf("codes = %q, want %q:\n%s", got, want, dump(r))
			}
			if n := r.Count(lint.Error); n > 0 && !slices.Contains([]string{"payment-test"}, name) {
				t.Errorf("%d errors", n)
			}
			for _, c := range r.Codes() {
				if !strings.Contains(string(readme), "`"+c+"`") {
					t.Errorf("appframework/README.md does not explain %s", c)
				}
			}
			again, _ := lint.Lint(os.DirFS(testcorpus.Path(t, "apps", name)))
			if !slices.Equal(again.Findings, r.Findings) {
				t.Error("a second run gave other findings")
			}
		})
	}
}
