// SPDX-License-Identifier: MIT

package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
)

// exitCode is the code main would exit with for err.
func exitCode(err error) int {
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		return exitUsage
	}
	return 1
}

// brokenApp writes a one-page app whose binding points nowhere.
func brokenApp(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"App/config/applicationmetadata.json": `{"id": "ttd/broken", "org": "ttd", "dataTypes": [{"id": "model", "appLogic": {"classRef": "M"}, "taskId": "Task_1"}]}`,
		"App/models/model.schema.json":        `{"@xsdRootElement": "M", "properties": {"M": {"properties": {"name": {"type": "string"}}}}}`,
		"App/ui/layouts/page.json":            `{"data": {"layout": [{"id": "x", "type": "Input", "dataModelBindings": {"simpleBinding": "nmae"}}]}}`,
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestAppLint(t *testing.T) {
	stateless := testcorpus.Path(t, "apps", "stateless-app")
	broken := brokenApp(t)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"clean enough", []string{"app", "lint", stateless}, 0, "warning process-gateway-no-default"},
		{"warnings fail", []string{"app", "lint", stateless, "--fail-on", "warning"}, 1, "ttd/stateless-app: 0 errors, 1 warnings"},
		{"errors fail", []string{"app", "lint", broken}, 1, "error binding-unknown-field App/ui/layouts/page.json#/data/layout/0/dataModelBindings/simpleBinding"},
		{"json", []string{"app", "lint", stateless, "--format", "json"}, 0, `"code": "process-gateway-no-default"`},
		{"not an app", []string{"app", "lint", t.TempDir()}, exitUsage, ""},
		{"no folder", []string{"app", "lint", filepath.Join(broken, "nope")}, exitUsage, ""},
		{"bad format", []string{"app", "lint", stateless, "--format", "xml"}, exitUsage, ""},
		{"bad threshold", []string{"app", "lint", stateless, "--fail-on", "info"}, exitUsage, ""},
		{"unknown flag", []string{"app", "lint", stateless, "--colour"}, exitUsage, ""},
		{"no argument", []string{"app", "lint"}, exitUsage, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runCLI(t, tt.args...)
			if got := exitCode(err); got != tt.code {
				t.Fatalf("exit code %d (err %v), want %d; output:\n%s", got, err, tt.code, out)
			}
			if !strings.Contains(out, tt.want) {
				t.Fatalf("output lacks %q:\n%s", tt.want, out)
			}
			if strings.Contains(strings.Join(tt.args, " "), "json") && tt.code == 0 && !json.Valid([]byte(out)) {
				t.Fatalf("not JSON:\n%s", out)
			}
		})
	}
}
