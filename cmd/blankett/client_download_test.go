// SPDX-License-Identifier: MIT

package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blankett/blankett/runtime/client/clienttest"
)

// fakeRuntime starts the fake storage API with the app ttd/app and three ended
// instances of two files each (plus one in progress), and logs in to it.
func fakeRuntime(t *testing.T) *clienttest.Server {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	srv := clienttest.New(t, "ttd", "ttd-client", pub)
	srv.PageSize = 2
	srv.Apps = []string{"ttd/app"}
	for i := range 4 {
		srv.Add(&clienttest.Instance{PartyID: int64(500 + i), GUID: fmt.Sprintf("00000000-0000-4000-8000-00000000000%d", i),
			AppID: "ttd/app", Ended: i < 3, Data: []clienttest.Data{
				{ID: fmt.Sprintf("d%d-model", i), DataType: "model", ContentType: "application/xml", Content: []byte(strings.Repeat("<x/>", 1000+i))},
				{ID: fmt.Sprintf("d%d-att", i), DataType: "vedlegg", ContentType: "application/pdf", Filename: "../bilde " + fmt.Sprint(i) + ".pdf",
					Content: []byte(strings.Repeat("%PDF", 5000+i))},
			}})
	}
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("HOME", cfg)
	t.Setenv(envToken, "")
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(cfg, "key.pem")
	if err := os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := runCLI(t, "login", "--url", srv.URL, "--client-id", "ttd-client", "--key", key); err != nil {
		t.Fatalf("login: %v\n%s", err, out)
	}
	st, err := os.Stat(filepath.Join(cfg, "blankett", "profiles.json"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("profiles.json: %v %v", st, err)
	}
	return srv
}

func instDir(out string, i int) string {
	return filepath.Join(out, "ttd", "app", fmt.Sprintf("%d-00000000-0000-4000-8000-00000000000%d", 500+i, i))
}

func modelPath(out string, i int) string {
	return filepath.Join(instDir(out, i), fmt.Sprintf("d%d-model-model.xml", i))
}

func attPath(out string, i int) string {
	return filepath.Join(instDir(out, i), fmt.Sprintf("d%d-att-.._bilde %d.pdf", i, i))
}

// checkFiles asserts instance i is fully on disk.
func checkFiles(t *testing.T, out string, i int) {
	t.Helper()
	for _, c := range []struct {
		path string
		want string
	}{{modelPath(out, i), strings.Repeat("<x/>", 1000+i)}, {attPath(out, i), strings.Repeat("%PDF", 5000+i)}} {
		got, err := os.ReadFile(c.path)
		if err != nil || string(got) != c.want {
			t.Errorf("%s: %d bytes, %v", c.path, len(got), err)
		}
	}
	var meta map[string]any
	b, err := os.ReadFile(filepath.Join(instDir(out, i), "instance.json"))
	if err != nil || json.Unmarshal(b, &meta) != nil || meta["appId"] != "ttd/app" {
		t.Errorf("instance.json of %d: %v", i, err)
	}
}

func noPartFiles(t *testing.T, out string) {
	t.Helper()
	_ = filepath.WalkDir(out, func(p string, _ os.DirEntry, _ error) error {
		if strings.HasSuffix(p, partSuffix) {
			t.Errorf("leftover %s", p)
		}
		return nil
	})
}

func TestDownloadFullThenNothing(t *testing.T) {
	srv := fakeRuntime(t)
	out := t.TempDir()
	res, err := runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm")
	if err != nil {
		t.Fatalf("download: %v\n%s", err, res)
	}
	if !strings.Contains(res, "3 instances: 6 files downloaded") || !strings.Contains(res, "0 already complete") ||
		!strings.Contains(res, "3 confirmed") {
		t.Errorf("summary: %s", res)
	}
	for i := range 3 {
		checkFiles(t, out, i)
	}
	if _, err := os.Stat(instDir(out, 3)); err == nil {
		t.Error("instance in progress was downloaded")
	}
	noPartFiles(t, out)
	// Every complete comes after both of that instance's downloads.
	reqs := srv.Requests()
	for i := range 3 {
		done := slices.IndexFunc(reqs, func(r string) bool {
			return strings.HasPrefix(r, "POST") && strings.Contains(r, fmt.Sprintf("/%d/", 500+i))
		})
		if done < 0 {
			t.Fatalf("instance %d not confirmed: %v", i, reqs)
		}
		for j, r := range reqs {
			if strings.Contains(r, fmt.Sprintf("/data/d%d-", i)) && j > done {
				t.Errorf("instance %d confirmed before %s", i, r)
			}
		}
	}
	before := len(srv.Requests())
	res, err = runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm")
	if err != nil || !strings.Contains(res, "0 instances: 0 files downloaded") {
		t.Fatalf("second run: %v\n%s", err, res)
	}
	if extra := srv.Requests()[before:]; len(extra) != 1 || !strings.HasPrefix(extra[0], "GET /storage/api/v1/instances") {
		t.Errorf("second run requests: %v", extra)
	}
}

func TestDownloadResumesAndSkips(t *testing.T) {
	srv := fakeRuntime(t)
	out := t.TempDir()
	if err := os.MkdirAll(instDir(out, 0), 0o750); err != nil {
		t.Fatal(err)
	}
	// A truncated temp file of instance 0, and a complete file of instance 1.
	full := strings.Repeat("%PDF", 5000)
	if err := os.WriteFile(attPath(out, 0)+partSuffix, []byte(full[:7000]), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(instDir(out, 1), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(modelPath(out, 1), []byte(strings.Repeat("<x/>", 1001)), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := runCLI(t, "download", "--app", "ttd/app", "--out", out, "--parallel", "2")
	if err != nil {
		t.Fatalf("download: %v\n%s", err, res)
	}
	if !strings.Contains(res, "5 files downloaded") || !strings.Contains(res, "1 already complete") {
		t.Errorf("summary: %s", res)
	}
	for i := range 3 {
		checkFiles(t, out, i)
	}
	noPartFiles(t, out)
	reqs := strings.Join(srv.Requests(), "\n")
	if !strings.Contains(reqs, "/data/d0-att bytes=7000-") {
		t.Errorf("no resume request:\n%s", reqs)
	}
	if strings.Contains(reqs, "/data/d1-model") || strings.Contains(reqs, "POST") {
		t.Errorf("complete file fetched again or confirmed without --confirm:\n%s", reqs)
	}
}

func TestDownloadFailures(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*clienttest.Server)
	}{
		{"corrupted content", func(s *clienttest.Server) { s.Corrupt = map[string]bool{"d1-att": true} }},
		{"500 mid-way", func(s *clienttest.Server) {
			s.Fail = func(r *http.Request) int {
				if strings.HasSuffix(r.URL.Path, "/data/d1-att") {
					return http.StatusInternalServerError
				}
				return 0
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fakeRuntime(t)
			tt.setup(srv)
			out := t.TempDir()
			res, err := runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm")
			var ue usageError
			if !errors.Is(err, errPartial) || errors.As(err, &ue) {
				t.Fatalf("err = %v, want a partial failure (exit 1)\n%s", err, res)
			}
			if !strings.Contains(res, "1 failed:") || !strings.Contains(res, "d1-att") {
				t.Errorf("failure list missing:\n%s", res)
			}
			if _, err := os.Stat(attPath(out, 1)); err == nil {
				t.Error("a final file exists for the failed element")
			}
			if tt.name == "corrupted content" {
				if _, err := os.Stat(attPath(out, 1) + partSuffix); err == nil {
					t.Error("corrupt temp file kept")
				}
			}
			if _, err := os.Stat(filepath.Join(instDir(out, 1), "instance.json")); err == nil {
				t.Error("instance.json written for an incomplete instance")
			}
			for _, c := range srv.Completed() {
				if strings.HasPrefix(c, "501/") {
					t.Errorf("failed instance confirmed")
				}
			}
			if len(srv.Completed()) != 2 {
				t.Errorf("completed = %v, want the two good instances", srv.Completed())
			}
			checkFiles(t, out, 0)
			checkFiles(t, out, 2)
		})
	}
}

func TestDownloadUsage(t *testing.T) {
	fakeRuntime(t)
	tests := [][]string{
		{"download", "--out", "x"},
		{"download", "--app", "ttd", "--out", "x"},
		{"download", "--app", "ttd/app"},
		{"download", "--app", "ttd/app", "--out", "x", "--parallel", "0"},
		{"download", "--app", "ttd/app", "--out", "x", "--profile", "nope"},
		{"instances", "list", "--app", "ttd/app", "--format", "xml"},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			_, err := runCLI(t, args...)
			var ue usageError
			if !errors.As(err, &ue) {
				t.Errorf("err = %v, want a usage error", err)
			}
		})
	}
}

func TestInstancesList(t *testing.T) {
	fakeRuntime(t)
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"--format", "json"}, 4},
		{[]string{"--format", "json", "--complete"}, 3},
	}
	for _, tt := range tests {
		res, err := runCLI(t, append([]string{"instances", "list", "--app", "ttd/app"}, tt.args...)...)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(strings.TrimSpace(res), "\n") + 1; n != tt.want {
			t.Errorf("%v: %d lines, want %d:\n%s", tt.args, n, tt.want, res)
		}
	}
	res, err := runCLI(t, "instances", "list", "--app", "ttd/app")
	if err != nil || !strings.Contains(res, "503/00000000-0000-4000-8000-000000000003") || !strings.Contains(res, "Task_1") {
		t.Errorf("text list: %v\n%s", err, res)
	}
}

// TestDownloadWaitsForPDF: an instance whose PDF receipt is still being made
// is not confirmed (and is no failure), and the next run fetches the receipt
// and confirms it; a receipt stored between the listing and the confirmation
// fails the conditional confirmation, and the run reads the instance again,
// fetches the receipt and confirms then.
func TestDownloadWaitsForPDF(t *testing.T) {
	srv := fakeRuntime(t)
	out := t.TempDir()
	guid := func(i int) string { return fmt.Sprintf("00000000-0000-4000-8000-00000000000%d", i) }
	receipt := func(i int) clienttest.Data {
		return clienttest.Data{ID: fmt.Sprintf("d%d-pdf", i), DataType: "ref-data-as-pdf", ContentType: "application/pdf",
			Filename: "kvittering.pdf", Content: []byte(fmt.Sprintf("%%PDF-1.7 receipt %d", i))}
	}
	srv.Update(guid(1), func(in *clienttest.Instance) { in.PDFPending = true })
	srv.BeforeComplete = func(in *clienttest.Instance) {
		if in.GUID == guid(2) && len(in.Data) == 2 {
			in.Data, in.LastChanged = append(in.Data, receipt(2)), in.LastChanged.Add(time.Second)
		}
	}
	res, err := runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm")
	if err != nil {
		t.Fatalf("a pending PDF is no failure: %v\n%s", err, res)
	}
	if !strings.Contains(res, "3 instances: 7 files downloaded") || !strings.Contains(res, "0 already complete") ||
		!strings.Contains(res, "2 confirmed") ||
		!strings.Contains(res, "1 not confirmed yet") {
		t.Errorf("summary: %s", res)
	}
	if got := srv.Completed(); slices.Contains(got, "501/"+guid(1)) {
		t.Errorf("instance 1 confirmed with its PDF pending: %v", got)
	}
	pdfPath := func(i int) string { return filepath.Join(instDir(out, i), fmt.Sprintf("d%d-pdf-kvittering.pdf", i)) }
	if b, err := os.ReadFile(pdfPath(2)); err != nil || string(b) != "%PDF-1.7 receipt 2" {
		t.Errorf("receipt stored before the confirmation: %q %v", b, err)
	}
	if b, err := os.ReadFile(filepath.Join(instDir(out, 2), "instance.json")); err != nil || !strings.Contains(string(b), "d2-pdf") {
		t.Errorf("instance.json of 2 does not list its receipt: %s %v", b, err)
	}

	// The receipt of instance 1 is made; the next run fetches it and confirms.
	srv.Update(guid(1), func(in *clienttest.Instance) { in.PDFPending, in.Data = false, append(in.Data, receipt(1)) })
	res, err = runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm")
	if err != nil || !strings.Contains(res, "1 instances: 1 files downloaded") || !strings.Contains(res, "1 confirmed") {
		t.Fatalf("second run: %v\n%s", err, res)
	}
	if b, err := os.ReadFile(pdfPath(1)); err != nil || string(b) != "%PDF-1.7 receipt 1" {
		t.Errorf("receipt of 1: %q %v", b, err)
	}
	for i := range 3 {
		checkFiles(t, out, i)
	}
	noPartFiles(t, out)
}

// TestDownloadChangedBeforeConfirm: a file gained between the listing and the
// confirmation that then fails to download leaves the instance unconfirmed (a
// failure, exit code 1), so the next run lists it again and fetches the file.
func TestDownloadChangedBeforeConfirm(t *testing.T) {
	srv := fakeRuntime(t)
	out := t.TempDir()
	var broken atomic.Bool
	broken.Store(true)
	srv.Fail = func(r *http.Request) int {
		if broken.Load() && strings.HasSuffix(r.URL.Path, "/data/d0-pdf") {
			return http.StatusInternalServerError
		}
		return 0
	}
	srv.BeforeComplete = func(in *clienttest.Instance) {
		if strings.HasSuffix(in.GUID, "0") && len(in.Data) == 2 {
			in.Data = append(in.Data, clienttest.Data{ID: "d0-pdf", DataType: "ref-data-as-pdf", ContentType: "application/pdf",
				Filename: "kvittering.pdf", Content: []byte("%PDF-1.7 receipt 0")})
			in.LastChanged = in.LastChanged.Add(time.Second)
		}
	}
	res, err := runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm")
	if !errors.Is(err, errPartial) || !strings.Contains(res, "2 confirmed") || !strings.Contains(res, "d0-pdf") {
		t.Fatalf("want a partial run naming the missing file: %v\n%s", err, res)
	}
	if got := srv.Completed(); slices.Contains(got, "500/00000000-0000-4000-8000-000000000000") {
		t.Errorf("instance 0 confirmed without its new file: %v", got)
	}
	broken.Store(false)
	if res, err := runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm"); err != nil ||
		!strings.Contains(res, "1 instances: 1 files downloaded") || !strings.Contains(res, "1 confirmed") {
		t.Fatalf("next run: %v\n%s", err, res)
	}
	if b, err := os.ReadFile(filepath.Join(instDir(out, 0), "d0-pdf-kvittering.pdf")); err != nil || string(b) != "%PDF-1.7 receipt 0" {
		t.Errorf("receipt on the next run: %q %v", b, err)
	}
}

// TestDownloadConfirmRaces: what can happen between an instance's download and
// its confirmation. A file replaced under the same id is fetched again before
// the instance is confirmed; a server that ignores If-Match confirms at once,
// and the file its answer lists is fetched then; an instance that keeps changing
// is given up after three attempts, unconfirmed.
func TestDownloadConfirmRaces(t *testing.T) {
	model0 := filepath.Join("ttd", "app", "500-00000000-0000-4000-8000-000000000000", "d0-model-model.xml")
	tests := []struct {
		name     string
		setup    func(*clienttest.Server)
		wantErr  bool
		want     []string // in the summary
		file     string   // under out, with content
		content  string
		confirms int // of instance 0
	}{
		{"replaced", func(s *clienttest.Server) {
			s.BeforeComplete = func(in *clienttest.Instance) {
				if strings.HasSuffix(in.GUID, "0") && string(in.Data[0].Content) != "<new/>" {
					in.Data[0].Content, in.LastChanged = []byte("<new/>"), in.LastChanged.Add(time.Second)
				}
			}
		}, false, []string{"3 confirmed"}, model0, "<new/>", 1},
		{"If-Match ignored", func(s *clienttest.Server) {
			s.IgnoreIfMatch = true
			s.BeforeComplete = func(in *clienttest.Instance) {
				if strings.HasSuffix(in.GUID, "0") && len(in.Data) == 2 {
					in.Data = append(in.Data, clienttest.Data{ID: "d0-pdf", DataType: "ref-data-as-pdf", ContentType: "application/pdf",
						Filename: "kvittering.pdf", Content: []byte("%PDF-1.7 late")})
				}
			}
		}, false, []string{"7 files downloaded", "3 confirmed"},
			filepath.Join("ttd", "app", "500-00000000-0000-4000-8000-000000000000", "d0-pdf-kvittering.pdf"), "%PDF-1.7 late", 1},
		{"keeps changing", func(s *clienttest.Server) {
			s.BeforeComplete = func(in *clienttest.Instance) {
				if strings.HasSuffix(in.GUID, "0") {
					in.LastChanged = in.LastChanged.Add(time.Second)
				}
			}
		}, true, []string{"2 confirmed", "instance_changed"}, "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fakeRuntime(t)
			tt.setup(srv)
			out := t.TempDir()
			res, err := runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err %v, want error %v\n%s", err, tt.wantErr, res)
			}
			for _, w := range tt.want {
				if !strings.Contains(res, w) {
					t.Errorf("output lacks %q:\n%s", w, res)
				}
			}
			if tt.file != "" {
				if b, err := os.ReadFile(filepath.Join(out, tt.file)); err != nil || string(b) != tt.content {
					t.Errorf("%s: %q %v, want %q", tt.file, b, err, tt.content)
				}
			}
			n := 0
			for _, c := range srv.Completed() {
				if strings.HasSuffix(c, "0000000000") {
					n++
				}
			}
			if n != tt.confirms {
				t.Errorf("instance 0 confirmed %d times, want %d", n, tt.confirms)
			}
		})
	}
}

// TestDownloadDraftsNotConfirmed: --complete=false --confirm downloads drafts
// but confirms only the instances whose process has ended, so a later run
// still lists a draft once it is submitted and fetches its final files.
func TestDownloadDraftsNotConfirmed(t *testing.T) {
	srv := fakeRuntime(t)
	out := t.TempDir()
	res, err := runCLI(t, "download", "--app", "ttd/app", "--out", out, "--complete=false", "--confirm")
	if err != nil {
		t.Fatalf("download: %v\n%s", err, res)
	}
	if !strings.Contains(res, "4 instances: 8 files downloaded") || !strings.Contains(res, "3 confirmed") ||
		!strings.Contains(res, "1 drafts downloaded, not confirmed") {
		t.Errorf("summary: %s", res)
	}
	draft := "503/00000000-0000-4000-8000-000000000003"
	if got := srv.Completed(); len(got) != 3 || slices.Contains(got, draft) {
		t.Errorf("completed = %v, want the three ended instances", got)
	}
	checkFiles(t, out, 3)

	// The draft is submitted with its final attachment; a default run fetches it.
	srv.Update("00000000-0000-4000-8000-000000000003", func(in *clienttest.Instance) {
		in.Ended = true
		in.Data = append(in.Data, clienttest.Data{ID: "d3-final", DataType: "vedlegg", ContentType: "application/pdf",
			Filename: "final.pdf", Content: []byte("%PDF final")})
	})
	res, err = runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm")
	if err != nil || !strings.Contains(res, "1 instances: 1 files downloaded") || !strings.Contains(res, "2 already complete") ||
		!strings.Contains(res, "1 confirmed") || strings.Contains(res, "drafts") {
		t.Fatalf("run after the draft was submitted: %v\n%s", err, res)
	}
	if b, err := os.ReadFile(filepath.Join(instDir(out, 3), "d3-final-final.pdf")); err != nil || string(b) != "%PDF final" {
		t.Errorf("final attachment: %q %v", b, err)
	}
	if got := srv.Completed(); !slices.Contains(got, draft) {
		t.Errorf("submitted draft not confirmed: %v", got)
	}
}

// TestDownloadConfirmedButNotSaved: when the instance.json of a confirmed
// instance cannot be rewritten (a full disk), the failure says so and how to
// recover, not that files were gained, and leaves no temp file; the run it
// names rewrites it.
func TestDownloadConfirmedButNotSaved(t *testing.T) {
	srv := fakeRuntime(t)
	out := t.TempDir()
	blocker := filepath.Join(instDir(out, 0), "instance.json"+partSuffix)
	srv.BeforeComplete = func(in *clienttest.Instance) {
		if strings.HasSuffix(in.GUID, "0") {
			// A directory where the temp file goes makes the rewrite fail.
			_ = os.MkdirAll(filepath.Join(blocker, "x"), 0o750)
		}
	}
	res, err := runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm")
	if !errors.Is(err, errPartial) || !strings.Contains(res, "3 confirmed") {
		t.Fatalf("want a partial run with 3 confirmed: %v\n%s", err, res)
	}
	if strings.Contains(res, errGained.Error()) || !strings.Contains(res, "confirmed, with all its files saved") ||
		!strings.Contains(res, "instance.json") || !strings.Contains(res, "--exclude-confirmed-by ''") {
		t.Errorf("failure message:\n%s", res)
	}
	if err := os.RemoveAll(blocker); err != nil {
		t.Fatal(err)
	}
	srv.BeforeComplete = nil
	res, err = runCLI(t, "download", "--app", "ttd/app", "--out", out, "--confirm", "--exclude-confirmed-by", "")
	if err != nil || !strings.Contains(res, "3 instances: 0 files downloaded") {
		t.Fatalf("recovery run: %v\n%s", err, res)
	}
	b, err := os.ReadFile(filepath.Join(instDir(out, 0), "instance.json"))
	if err != nil || !strings.Contains(string(b), `"stakeholderId": "ttd"`) {
		t.Errorf("instance.json does not show the confirmation: %s %v", b, err)
	}
	noPartFiles(t, out)
}
