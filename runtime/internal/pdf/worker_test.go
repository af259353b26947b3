// SPDX-License-Identifier: MIT

package pdf_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/pdf"
	"github.com/blankett/blankett/runtime/internal/store"
)

// fakeRenderer renders a one-line document naming the instance and language.
type fakeRenderer struct{}

func (fakeRenderer) PrintDocument(_ context.Context, snap *instances.Snapshot, lang string, _ []string) ([]byte, error) {
	return []byte("<p>" + snap.Instance.ID + " " + lang + "</p>"), nil
}

// fakePrinter "prints" the document after a PDF header and counts its calls;
// fail makes the next call fail.
type fakePrinter struct {
	calls atomic.Int32
	fail  atomic.Bool
}

func (p *fakePrinter) Print(_ context.Context, doc []byte) ([]byte, error) {
	p.calls.Add(1)
	if p.fail.Swap(false) {
		return nil, errors.New("chromium crashed")
	}
	return append([]byte("%PDF-1.7 fake\n"), doc...), nil
}

// TestWorkerStoresOnePDF: ending the data task queues one PDF job with the
// process change (the signing tasks make none); the worker stores the PDF as a
// read-only ref-data-as-pdf element with its audit event; a retried job, a job
// run again after its element exists and a racing store add nothing.
func TestWorkerStoresOnePDF(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		e := newEnv(t, db)
		ref := e.submit(t, "en")
		snap, err := e.svc.Get(ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		if pending, err := e.svc.PDFPending(ctx, snap); err != nil || !pending {
			t.Fatalf("PDFPending = %v, %v after the process ended, want true", pending, err)
		}
		printer := &fakePrinter{}
		// Retries are due at once, so the test need not wait out a backoff.
		w := pdf.NewWorker(pdf.Options{Store: e.st, Service: e.svc, Renderer: fakeRenderer{}, Printer: printer,
			Retry: store.RetryPolicy{MaxAttempts: 5, Base: time.Millisecond, Max: time.Millisecond}})

		// The first attempt fails and is retried later; nothing is stored.
		printer.fail.Store(true)
		if n, err := w.RunOnce(ctx); err != nil || n != 1 {
			t.Fatalf("RunOnce = %d, %v; want the one job of Task_1", n, err)
		}
		if got := e.pdfs(t, ref); len(got) != 0 {
			t.Fatalf("%d PDFs after a failed print", len(got))
		}
		if pending, _ := e.svc.PDFPending(ctx, snap); !pending {
			t.Fatal("a failed job is no longer pending")
		}
		// A snapshot read before the PDF exists, for a store that loses a race.
		stale, err := e.svc.Get(ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		jobs := e.jobs(t)
		if len(jobs) != 1 || jobs[0].TaskID != "Task_1" || jobs[0].Language != "en" || jobs[0].GUID != ref.GUID ||
			len(jobs[0].Tasks) != 1 || jobs[0].Tasks[0] != "Task_1" {
			t.Fatalf("jobs %+v, want one of Task_1 in en, printing Task_1", jobs)
		}
		time.Sleep(5 * time.Millisecond)
		if n, err := w.RunOnce(ctx); err != nil || n != 1 {
			t.Fatalf("RunOnce (the retry) = %d, %v", n, err)
		}
		got := e.pdfs(t, ref)
		if len(got) != 1 {
			t.Fatalf("%d PDFs, want 1", len(got))
		}
		el := got[0]
		if el.ID != jobs[0].ElementID() || el.ContentType != "application/pdf" || el.Filename != "Signeringstest.pdf" ||
			el.CreatedBy != "ttd" || el.Size == 0 {
			t.Errorf("element %+v", el)
		}
		snap, err = e.svc.Get(ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		content, err := e.svc.ReadData(ctx, snap, el.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(content.Body)
		content.Body.Close()
		if want := "%PDF-1.7 fake\n<p>" + snap.Instance.ID + " en</p>"; string(body) != want {
			t.Errorf("stored %q, want %q", body, want)
		}
		evs, err := e.st.ListEvents(ctx, ref.GUID, store.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		created := 0
		for _, ev := range evs {
			if ev.EventType == instances.EventCreated && ev.DataID == el.ID {
				created++
			}
		}
		if created != 1 {
			t.Errorf("%d Created events of the PDF, want 1", created)
		}

		// Idempotent: the job again, the worker's next round, and a store that lost
		// a race (a snapshot read before the element existed) add nothing.
		calls := printer.calls.Load()
		if stored, err := w.Do(ctx, jobs[0]); err != nil || stored {
			t.Errorf("Do again = %v, %v; want nothing stored", stored, err)
		}
		// The same job delivered twice (a message queued again) is done unprinted.
		payload, _ := json.Marshal(jobs[0])
		if _, err := e.st.EnqueueRef(ctx, instances.TopicPDF, ref.GUID, payload, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if n, err := w.RunOnce(ctx); err != nil || n != 1 {
			t.Errorf("RunOnce = %d, %v; want the repeated job handled", n, err)
		}
		if printer.calls.Load() != calls {
			t.Errorf("printed %d more times for a PDF that exists", printer.calls.Load()-calls)
		}
		if stored, err := e.svc.StorePDF(ctx, stale, jobs[0], []byte("%PDF-1.7 second")); err != nil || stored {
			t.Errorf("StorePDF on a stale snapshot = %v, %v; want nothing stored", stored, err)
		}
		if got := e.pdfs(t, ref); len(got) != 1 {
			t.Errorf("%d PDFs after the retries, want 1", len(got))
		}
		if pending, _ := e.svc.PDFPending(ctx, snap); pending {
			t.Error("the job is still pending after it was done")
		}

		// Read-only through the API: no create, replace or delete.
		owner := e.user
		up := func() instances.Upload {
			return instances.Upload{ContentType: "application/pdf", Filename: "x.pdf", Length: -1, Body: bytes.NewReader([]byte("%PDF-1.7"))}
		}
		if _, err := e.svc.ReplaceData(ctx, owner, snap, el.ID, up()); !errors.Is(err, instances.ErrForbidden) {
			t.Errorf("ReplaceData of the PDF: %v, want ErrForbidden", err)
		}
		if err := e.svc.DeleteData(ctx, owner, snap, el.ID); !errors.Is(err, instances.ErrForbidden) {
			t.Errorf("DeleteData of the PDF: %v, want ErrForbidden", err)
		}
		if _, err := e.svc.CreateData(ctx, owner, snap, instances.PDFDataType, up()); !errors.Is(err, instances.ErrForbidden) {
			t.Errorf("CreateData of a PDF: %v, want ErrForbidden", err)
		}
	})
}

// TestNoPDFQueuesNothing: with PDF receipts off, ending the data task queues no job.
func TestNoPDFQueuesNothing(t *testing.T) {
	e := newEnv(t, dbtest.SQLite(t))
	e.svc = instances.New(instances.Options{Store: e.st, Blobs: e.blobs, Apps: e.host, NoPDF: true})
	e.submit(t, "nb")
	if jobs := e.jobs(t); len(jobs) != 0 {
		t.Errorf("%d PDF jobs with PDF receipts off", len(jobs))
	}
}
