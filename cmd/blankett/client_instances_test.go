// SPDX-License-Identifier: MIT

package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnknownApp: an --app the runtime does not have is a usage error (exit
// code 2) naming the app and the runtime, not an empty result, and download
// creates no folder for it.
func TestUnknownApp(t *testing.T) {
	srv := fakeRuntime(t)
	for _, app := range []string{"ttd/nope", "other/app"} {
		for _, cmd := range [][]string{{"download", "--out", "OUT"}, {"instances", "list"}} {
			t.Run(app+" "+cmd[0], func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "out")
				args := append([]string{}, cmd...)
				for i, a := range args {
					if a == "OUT" {
						args[i] = out
					}
				}
				res, err := runCLI(t, append(args, "--app", app)...)
				var ue usageError
				if !errors.As(err, &ue) || err.Error() != "no app "+app+" on "+srv.URL {
					t.Errorf("err = %v, want the usage error %q\n%s", err, "no app "+app+" on "+srv.URL, res)
				}
				if _, err := os.Stat(out); err == nil {
					t.Error("download created the out folder")
				}
			})
		}
	}
}

// TestUndeployedAppWithInstances: an app with no deployed version has no
// metadata, but the instances it had are still pulled.
func TestUndeployedAppWithInstances(t *testing.T) {
	srv := fakeRuntime(t)
	srv.Apps = nil
	res, err := runCLI(t, "download", "--app", "ttd/app", "--out", t.TempDir())
	if err != nil || !strings.Contains(res, "3 instances: 6 files downloaded") {
		t.Errorf("download: %v\n%s", err, res)
	}
	res, err = runCLI(t, "instances", "list", "--app", "ttd/app", "--format", "json")
	if err != nil || strings.Count(res, "\n") != 4 {
		t.Errorf("list: %v\n%s", err, res)
	}
}
