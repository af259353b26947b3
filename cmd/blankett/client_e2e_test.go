// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/loadtest"
	"github.com/blankett/blankett/internal/testenv/browser"
)

const e2eXML = `<?xml version="1.0" encoding="utf-8"?><data><form><name>Test AS</name><orgNumber>310000001</orgNumber><year>2024</year><income>100</income></form></data>`

// TestDownloadFromRealRuntime runs the real runtime role (platform.Run, SQLite,
// fs blobs) with the corpus app signing-test; an end user fills in and signs an
// instance to the end; then `blankett download --confirm`, logged in as the
// service owner's machine client, saves its files verified, and a second run
// finds nothing new.
func TestDownloadFromRealRuntime(t *testing.T) {
	appDir := testcorpus.Path(t, "apps", "signing-test")
	ctx := context.Background()
	dir := t.TempDir()
	// With the test's Chromium the runtime prints the PDF receipt, and the
	// download must wait for it; without, PDFs are off.
	chromium := os.Getenv(browser.EnvChromium)
	pdfs := chromium
	if pdfs == "" {
		pdfs = "off"
	}
	rt, err := startLocalRuntime(ctx, localRuntimeOptions{Dir: dir, AppDir: appDir, LogLevel: "error", Logs: io.Discard, PDFChromium: pdfs})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rt.Close() })
	keyFile := registerServiceOwner(t, rt, "ttd-e2e", "ttd")

	// An end user creates an instance, fills it in and moves it to the end.
	token, err := rt.userToken(time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	hc := loadtest.NewHTTPClient(2)
	a, err := loadBenchApp(appDir)
	if err != nil {
		t.Fatal(err)
	}
	target := newBenchTarget(rt, a, hc, token)
	in, err := target.instantiate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ip := target.base + "/instances/" + in.ID
	if err := loadtest.Expect(ctx, hc, http.MethodPut, ip+"/data/"+in.Data[0].ID, []byte(e2eXML), http.StatusCreated, target.xmlHdr); err != nil {
		t.Fatal(err)
	}
	for _, task := range []string{"Task_1 (data)", "Task_2 (sign)", "Task_3 (sign)"} {
		if err := loadtest.Expect(ctx, hc, http.MethodPut, ip+"/process/next", nil, http.StatusOK, target.auth); err != nil {
			t.Fatalf("next from %s: %v", task, err)
		}
	}
	b, err := loadtest.Do(ctx, hc, http.MethodGet, ip, nil, http.StatusOK, target.auth)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Process struct{ Ended, EndEvent string }
	}
	if err := json.Unmarshal(b, &got); err != nil || got.Process.Ended == "" {
		t.Fatalf("process not ended: %v %s", err, b)
	}

	// The service owner downloads and confirms it; the second run fetches nothing.
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("HOME", cfg)
	t.Setenv(envToken, "")
	if out, err := runCLI(t, "login", "--url", rt.URL, "--client-id", "ttd-e2e", "--key", keyFile); err != nil {
		t.Fatalf("login: %v\n%s", err, out)
	}
	outDir := filepath.Join(t.TempDir(), "out")
	// A misspelt app is told from an app without instances.
	var ue usageError
	if out, err := runCLI(t, "download", "--app", "ttd/signing-tset", "--out", outDir); !errors.As(err, &ue) ||
		err.Error() != "no app ttd/signing-tset on "+rt.URL {
		t.Fatalf("unknown app: %v\n%s", err, out)
	}
	var err2 error
	out := untilConfirmed(func() string {
		var o string
		o, err2 = runCLI(t, "download", "--app", "ttd/signing-test", "--out", outDir, "--confirm")
		return o
	})
	if err = err2; err != nil || !strings.Contains(out, "1 instances:") || !strings.Contains(out, "1 confirmed") {
		t.Fatalf("download: %v\n%s", err, out)
	}
	files := savedFiles(t, outDir)
	if !strings.Contains(files["instance.json"], in.ID) || !containsValue(files, "<orgNumber>310000001</orgNumber>") {
		t.Fatalf("saved files lack the instance or its form data: %v", keys(files))
	}
	if chromium != "" && (!strings.Contains(files["instance.json"], `"ref-data-as-pdf"`) || !containsValue(files, "%PDF-")) {
		t.Fatalf("the confirmed download lacks the PDF receipt: %v", keys(files))
	}
	out, err = runCLI(t, "download", "--app", "ttd/signing-test", "--out", outDir, "--confirm")
	if err != nil || !strings.HasPrefix(out, "0 instances: 0 files downloaded") {
		t.Fatalf("second download: %v\n%s", err, out)
	}
}

// registerServiceOwner stores machine client id for org with the service-owner
// instance scopes and returns the file of its private key.
func registerServiceOwner(t *testing.T, rt *localRuntime, id, org string) string {
	t.Helper()
	return registerClient(t, rt.Database, id, org, "altinn:serviceowner/instances.read altinn:serviceowner/instances.write")
}

// savedFiles maps the base name of every file under dir to its content.
func savedFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[d.Name()] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func containsValue(m map[string]string, s string) bool {
	for _, v := range m {
		if strings.Contains(v, s) {
			return true
		}
	}
	return false
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
