// SPDX-License-Identifier: MIT

package forms_test

import (
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/internal/testenv/roletest"
	"github.com/blankett/blankett/runtime"
)

// Seeded dev IdP users (internal/devidp/seed.json).
const (
	olaPID = "15888010030"
	perPID = "31929010062"
)

// newServer starts the runtime role as platform.Run does (SQLite, fs blobs, dev
// mode) on a real listener serving the fixture app, and returns its base URL.
func newServer(t *testing.T) string {
	t.Helper()
	return newServerApps(t, filepath.Join("testdata", "skjema"))
}

// newServerApps is newServer serving the app folders given.
func newServerApps(t *testing.T, apps ...string) string {
	t.Helper()
	cfg := runtime.DefaultConfig()
	cfg.Apps = apps
	return roletest.Start(t, runtime.New(cfg)).URL
}
