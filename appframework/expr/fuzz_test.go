// SPDX-License-Identifier: MIT

package expr_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

// FuzzParse feeds arbitrary JSON to Parse, Eval and Check. None may panic;
// the corpus's expressions are the seeds.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`["equals", 1, 1]`, `[]`, `{}`, `"x"`, `["if", true, 1, "else", 2]`} {
		f.Add([]byte(s))
	}
	if root, ok := testcorpus.Dir(); ok {
		_ = filepath.WalkDir(filepath.Join(root, "expressions"), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
				return err
			}
			raw, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			var v struct {
				Expression json.RawMessage `json:"expression"`
				TestCases  []struct {
					Expression json.RawMessage `json:"expression"`
				} `json:"testCases"`
			}
			if json.Unmarshal(bytes.TrimPrefix(raw, []byte("\ufeff")), &v) == nil {
				if v.Expression != nil {
					f.Add([]byte(v.Expression))
				}
				for _, tc := range v.TestCases {
					f.Add([]byte(tc.Expression))
				}
			}
			return nil
		})
	}
	env := &expr.Env{Data: &expr.JSONData{Default: "m", Models: map[string]any{"m": map[string]any{
		"a": map[string]any{"value": "ABC"}, "list": []any{1.0, "x", nil},
	}}}}
	scope := &expr.Scope{Args: []expr.Value{expr.String("a.value")}}
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = expr.Check(data, &expr.CheckEnv{Want: expr.TypeBool})
		e, err := expr.Parse(data)
		if err != nil {
			return
		}
		_ = e.String()
		_, _ = e.Eval(env, scope)
	})
}
