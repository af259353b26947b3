// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/runtime/client"
)

// TestDeployCommands runs deploy, deploy list and undeploy in process against
// the runtime role on loopback, as a ttd machine client with blankett:deploy, and
// checks that a client of another org is refused.
func TestDeployCommands(t *testing.T) {
	subform := testcorpus.Path(t, "apps", "subform-test")
	payment := testcorpus.Path(t, "apps", "payment-test")
	rt, err := startLocalRuntime(context.Background(), localRuntimeOptions{Dir: t.TempDir(),
		AppDir: testcorpus.Path(t, "apps", "signing-test"), LogLevel: "error", Logs: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rt.Close() })
	ttdKey := registerClient(t, rt.Database, "ttd-ci", "ttd", "blankett:deploy")
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("HOME", cfg)
	t.Setenv(envToken, "")
	// The profile asks for no instance scopes the client lacks; deploy asks for its own.
	if out, err := runCLI(t, "login", "--url", rt.URL, "--client-id", "ttd-ci", "--key", ttdKey, "--scope", "blankett:deploy"); err != nil {
		t.Fatalf("login: %v\n%s", err, out)
	}
	packed, err := client.PackDir(subform)
	if err != nil {
		t.Fatal(err)
	}
	bundle := filepath.Join(t.TempDir(), "subform.tar.gz")
	if err := os.WriteFile(bundle, packed, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		wantErr bool
		want    []string
	}{
		{"deploy a folder", []string{"deploy", "--app", subform, "--version", "v1"}, false, []string{"Deployed ttd/subform-test v1 to " + rt.URL}},
		{"the same again", []string{"deploy", "--app", subform, "--version", "v1"}, false, []string{"deployed before with the same files"}},
		{"lint errors", []string{"deploy", "--app", payment, "--version", "v1"}, true, []string{"invalid_app", "error binding-unknown-field App/"}},
		{"list", []string{"deploy", "list"}, false, []string{"ttd/signing-test  local", "ttd/subform-test  v1       current", "ttd-ci"}},
		{"list one app as JSON", []string{"deploy", "list", "--app", "ttd/subform-test", "--format", "json"}, false, []string{`"version": "v1"`, `"current": true`}},
		{"no version", []string{"deploy", "--app", subform}, true, []string{"needs --app"}},
		{"not an app", []string{"deploy", "--app", t.TempDir(), "--version", "v2"}, true, []string{"no files to pack"}},
		{"missing bundle", []string{"deploy", "--app", bundle + ".missing", "--version", "v2"}, true, []string{"no such file"}},
		{"purge while active", []string{"deploy", "undeploy", "--app", "ttd/subform-test", "--version", "v1", "--purge"}, true, []string{"release_active"}},
		{"undeploy", []string{"deploy", "undeploy", "--app", "ttd/subform-test", "--version", "v1"}, false, []string{"ttd/subform-test v1 undeployed."}},
		{"listed as undeployed", []string{"deploy", "list", "--app", "ttd/subform-test"}, false, []string{"undeployed"}},
		{"purge", []string{"deploy", "undeploy", "--app", "ttd/subform-test", "--version", "v1", "--purge"}, false, []string{"purged"}},
		{"deploy a bundle file", []string{"deploy", "--app", bundle, "--version", "v2"}, false, []string{"Deployed ttd/subform-test v2"}},
		{"another org's app", []string{"deploy", "undeploy", "--app", "digdir/x", "--version", "v1"}, true, []string{"HTTP 403 forbidden"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runCLI(t, tt.args...)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v\n%s", err, tt.wantErr, out)
			}
			if err != nil {
				out += err.Error()
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}
