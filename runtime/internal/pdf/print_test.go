// SPDX-License-Identifier: MIT

package pdf_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/browser"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/pdf"
	"github.com/blankett/blankett/runtime/internal/web/forms"
)

// chromium is $BLANKETT_TEST_CHROMIUM, or skips tb.
func chromium(tb testing.TB) string {
	tb.Helper()
	exe := os.Getenv(browser.EnvChromium)
	if exe == "" {
		tb.Skip(browser.EnvChromium + " not set: PDF printing tests skipped")
	}
	return exe
}

// TestPrintReceipt runs an instance to the end and the PDF job with a real
// Chromium and the forms UI's renderer: the document printed is the receipt's
// summary with the form's data, self-contained; the stored element is a tagged A4
// PDF of sane size; running the job again adds nothing.
func TestPrintReceipt(t *testing.T) {
	exe := chromium(t)
	db := dbtest.SQLite(t)
	ctx := context.Background()
	e := newEnv(t, db)
	ui, err := forms.New(forms.Options{Service: e.svc, Store: e.st})
	if err != nil {
		t.Fatal(err)
	}
	printer := pdf.NewPrinter(pdf.PrinterOptions{Chromium: exe})
	t.Cleanup(printer.Close)
	w := pdf.NewWorker(pdf.Options{Store: e.st, Service: e.svc, Renderer: ui, Printer: printer})
	ref := e.submit(t, "nb")
	snap, err := e.svc.Get(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ui.PrintDocument(ctx, snap, "nb", []string{"Task_1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="nb">`, "Kvittering: Signeringstest", "Kvittering AS", "310000001", snap.Instance.ID,
		"<style>", "default-src 'none'"} {
		if !bytes.Contains(doc, []byte(want)) {
			t.Errorf("the printed document lacks %q", want)
		}
	}
	for _, never := range []string{"<script", `<link rel="stylesheet"`, "<form"} {
		if bytes.Contains(doc, []byte(never)) {
			t.Errorf("the printed document has %q", never)
		}
	}

	start := time.Now()
	if n, err := w.RunOnce(ctx); err != nil || n != 1 {
		t.Fatalf("RunOnce = %d, %v", n, err)
	}
	t.Logf("first PDF (Chromium start included): %s", time.Since(start).Round(time.Millisecond))
	els := e.pdfs(t, ref)
	if len(els) != 1 {
		t.Fatalf("%d PDF elements, want 1 (is the job dead? see the outbox)", len(els))
	}
	if snap, err = e.svc.Get(ctx, ref); err != nil {
		t.Fatal(err)
	}
	content, err := e.svc.ReadData(ctx, snap, els[0].ID, false)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(content.Body)
	content.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("the element does not start with %%PDF-: %q", b[:min(len(b), 16)])
	}
	if !bytes.Contains(b, []byte("/StructTreeRoot")) {
		t.Error("the PDF is not tagged: no /StructTreeRoot")
	}
	if !bytes.Contains(b, []byte("/MediaBox [0 0 595")) {
		t.Error("the page is not A4 (595 pt wide)")
	}
	if n := len(b); n < 5<<10 || n > 5<<20 {
		t.Errorf("PDF of %d bytes, want 5 KB to 5 MB", n)
	}
	if int64(len(b)) != els[0].Size {
		t.Errorf("element size %d, content %d bytes", els[0].Size, len(b))
	}

	// Again: the job's element exists, so nothing is printed or stored.
	job := e.jobs(t)[0]
	if stored, err := w.Do(ctx, job); err != nil || stored {
		t.Errorf("Do again = %v, %v; want nothing stored", stored, err)
	}
	if n := len(e.pdfs(t, ref)); n != 1 {
		t.Errorf("%d PDF elements after the second run, want 1", n)
	}
}

// TestPrinterTimeout: a print that outlasts the timeout fails with a timeout,
// and the printer prints again afterwards.
func TestPrinterTimeout(t *testing.T) {
	exe := chromium(t)
	ctx := context.Background()
	p := pdf.NewPrinter(pdf.PrinterOptions{Chromium: exe, Timeout: time.Nanosecond})
	t.Cleanup(p.Close)
	if _, err := p.Print(ctx, []byte("<p>x</p>")); err == nil {
		t.Fatal("a print within a nanosecond succeeded")
	}
	ok := pdf.NewPrinter(pdf.PrinterOptions{Chromium: exe})
	t.Cleanup(ok.Close)
	out, err := ok.Print(ctx, []byte("<!DOCTYPE html><html lang=nb><title>t</title><h1>Hei</h1>"))
	if err != nil || !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Fatalf("Print = %.20q, %v", out, err)
	}
}

// BenchmarkPrint measures one receipt-sized print in a warm browser.
func BenchmarkPrint(b *testing.B) {
	exe := chromium(b)
	ctx := context.Background()
	e := newEnv(b, dbtest.SQLite(b))
	ui, err := forms.New(forms.Options{Service: e.svc, Store: e.st})
	if err != nil {
		b.Fatal(err)
	}
	ref := e.submit(b, "nb")
	snap, err := e.svc.Get(ctx, ref)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := ui.PrintDocument(ctx, snap, "nb", []string{"Task_1"})
	if err != nil {
		b.Fatal(err)
	}
	p := pdf.NewPrinter(pdf.PrinterOptions{Chromium: exe, Parallel: 1})
	b.Cleanup(p.Close)
	if _, err := p.Print(ctx, doc); err != nil { // start the browser
		b.Fatal(err)
	}
	var size int
	b.ResetTimer()
	for range b.N {
		out, err := p.Print(ctx, doc)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/pdf")
}

// TestPrintExcludesFromPdf: the printed document leaves out the components the
// layout set's Settings.json excludes from the PDF; the others stay. No Chromium
// is needed to make the document.
func TestPrintExcludesFromPdf(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testcorpus.Path(t, "apps", "signing-test"))); err != nil {
		t.Fatal(err)
	}
	settings := `{"pages": {"order": ["Form"]}, "components": {"excludeFromPdf": ["Input-income"]}}`
	if err := os.WriteFile(filepath.Join(dir, "App", "ui", "form", "Settings.json"), []byte(settings), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ui, snap := newEnvApp(t, dbtest.SQLite(t), dir).submitted(t)
	doc, err := ui.PrintDocument(ctx, snap, "nb", []string{"Task_1"})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(doc, []byte(">Inntekt</dt>")) {
		t.Error("the printed document shows Input-income, which components.excludeFromPdf leaves out")
	}
	if !bytes.Contains(doc, []byte(">Inntektsår</dt>")) {
		t.Errorf("the printed document lacks Input-year:\n%s", doc)
	}
}

// TestPrintLinksAbsolute: the links of a printed receipt (here an attachment's, on
// the pdfLayoutName page) start with the runtime's public URL, since a PDF has no
// address to resolve relative ones against.
func TestPrintLinksAbsolute(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testcorpus.Path(t, "apps", "signing-test"))); err != nil {
		t.Fatal(err)
	}
	edit := func(name, old, new string) {
		t.Helper()
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(b, []byte(old)) {
			t.Fatalf("%s: %v, or it lacks %q", name, err, old)
		}
		if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	edit("App/config/applicationmetadata.json", `"dataTypes": [`,
		`"dataTypes": [{"id": "vedlegg", "taskId": "Task_1", "allowedContentTypes": ["application/pdf"], "maxCount": 1, "minCount": 0},`)
	edit("App/ui/form/Settings.json", `"pages": {`, `"pages": {"pdfLayoutName": "Pdf",`)
	pdfPage := `{"data": {"layout": [{"id": "vedlegg", "type": "FileUpload", "textResourceBindings": {"title": "Vedlegg"},
		"maxFileSizeInMB": 1, "maxNumberOfAttachments": 1, "minNumberOfAttachments": 0, "displayMode": "list"}]}}`
	if err := os.WriteFile(filepath.Join(dir, "App/ui/form/layouts/Pdf.json"), []byte(pdfPage), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	e := newEnvApp(t, dbtest.SQLite(t), dir)
	ui, err := forms.New(forms.Options{Service: e.svc, Store: e.st, PublicURL: "https://rt.example/"})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := e.svc.Instantiate(ctx, e.user, instances.InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: e.party})
	if err != nil {
		t.Fatal(err)
	}
	el, err := e.svc.CreateData(ctx, e.user, snap, "vedlegg", instances.Upload{ContentType: "application/pdf", Filename: "bilag.pdf",
		Length: -1, Body: bytes.NewReader([]byte("%PDF-1.4 test"))})
	if err != nil {
		t.Fatal(err)
	}
	if snap, err = e.svc.Get(ctx, instances.Ref{Org: "ttd", App: "signing-test", PartyID: e.party, GUID: snap.Instance.ID[len(itoa(e.party))+1:]}); err != nil {
		t.Fatal(err)
	}
	doc, err := ui.PrintDocument(ctx, snap, "nb", []string{"Task_1"})
	if err != nil {
		t.Fatal(err)
	}
	want := `href="https://rt.example/ttd/signing-test/instances/` + snap.Instance.ID + `/data/` + el.ID + `"`
	if !bytes.Contains(doc, []byte(want)) {
		t.Errorf("the printed document lacks the absolute attachment link %s:\n%s", want, doc)
	}
}

// TestPrintTaskSet: the printed summary is the layout set of the job's task (here
// a signing task's confirm1, which also shows the form's data), and a job from
// before jobs named their tasks prints the first task's set.
func TestPrintTaskSet(t *testing.T) {
	ctx := context.Background()
	ui, snap := newEnv(t, dbtest.SQLite(t)).submitted(t)
	for _, tc := range []struct {
		tasks []string
		set   string
	}{{[]string{"Task_2"}, "confirm1"}, {[]string{"Task_9", "Task_3"}, "confirm2"}, {nil, "form"}, {[]string{"Task_1"}, "form"}} {
		doc, err := ui.PrintDocument(ctx, snap, "nb", tc.tasks)
		if err != nil {
			t.Fatal(err)
		}
		if want := `data-layout-set="` + tc.set + `"`; !bytes.Contains(doc, []byte(want)) {
			t.Errorf("tasks %v: the document is not the summary of %s", tc.tasks, tc.set)
		}
	}
}
