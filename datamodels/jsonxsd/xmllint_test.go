// SPDX-License-Identifier: MIT

package jsonxsd_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// xmllint is the path of libxml2's xmllint, the test oracle for XSDs, or
// skips the test when it is not installed.
func xmllint(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed (Debian libxml2-utils); schema oracle skipped")
	}
	return p
}

// lintSchema runs xmllint --schema on instance and returns its exit code
// (0 valid, 3 invalid instance, 5 schema does not compile) and output.
func lintSchema(t *testing.T, lint, xsdPath, instance string) (int, string) {
	t.Helper()
	out, err := exec.Command(lint, "--noout", "--nonet", "--schema", xsdPath, instance).CombinedOutput()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, string(out)
	case errors.As(err, &ee):
		return ee.ExitCode(), string(out)
	}
	t.Fatalf("xmllint: %v", err)
	return -1, ""
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
