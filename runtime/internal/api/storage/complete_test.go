// SPDX-License-Identifier: MIT

package storage_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/apitest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// TestCompleteFlow is the polling fallback of the service-owner flow: query the
// unconfirmed complete instances, confirm one, and it is no longer returned.
func TestCompleteFlow(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		done := func(in *store.Instance) { in.IsComplete = true }
		a := e.instance(500, "ttd/app", time.Now().Add(-time.Minute), done)
		b := e.instance(501, "ttd/app", time.Now().Add(-2*time.Minute), done)
		tok := e.owner("ttd")
		poll := func(q url.Values) []string {
			t.Helper()
			var p page
			r := e.do(http.MethodGet, "/storage/api/v1/instances?"+q.Encode(), tok)
			r.JSON(t, &p)
			if r.Status != http.StatusOK {
				t.Fatalf("poll: %d %s", r.Status, r.Body)
			}
			var ids []string
			for _, in := range p.Instances {
				ids = append(ids, in.ID)
			}
			return ids
		}
		byOrg := url.Values{"appId": {"ttd/app"}, "process.isComplete": {"true"}, "excludeConfirmedBy": {"ttd"}}
		if ids := poll(byOrg); len(ids) != 2 {
			t.Fatalf("before complete: %v", ids)
		}

		path := "/storage/api/v1/instances/500/" + a.GUID + "/complete"
		r := e.do(http.MethodPost, path, tok)
		var first wireDoc
		r.JSON(t, &first)
		if r.Status != http.StatusOK || len(first.CompleteConfirmations) != 1 || first.CompleteConfirmations[0].StakeholderID != "ttd" ||
			first.Data == nil || !first.LastChanged.After(a.LastChanged) {
			t.Fatalf("complete: %d %s", r.Status, r.Body)
		}
		// Idempotent: the second call changes nothing.
		var second wireDoc
		e.do(http.MethodPost, path, tok).JSON(t, &second)
		if len(second.CompleteConfirmations) != 1 || !second.CompleteConfirmations[0].ConfirmedOn.Equal(first.CompleteConfirmations[0].ConfirmedOn) ||
			!second.LastChanged.Equal(first.LastChanged) {
			t.Fatalf("second complete changed the instance: %+v", second)
		}

		for _, q := range []url.Values{
			byOrg,
			{"org": {"ttd"}, "process.isComplete": {"true"}, "confirmed": {"false"}},
		} {
			if ids := poll(q); len(ids) != 1 || ids[0] != "501/"+b.GUID {
				t.Fatalf("%s after complete: %v", q.Encode(), ids)
			}
		}
		if ids := poll(url.Values{"appId": {"ttd/app"}, "excludeConfirmedBy": {"someone-else"}}); len(ids) != 2 {
			t.Fatalf("another stakeholder's view: %v", ids)
		}
		events, err := e.store.ListEvents(context.Background(), a.GUID, store.EventFilter{Types: []string{"ConfirmedComplete"}})
		if err != nil || len(events) != 1 {
			t.Fatalf("events %v %v", events, err)
		}
	})
}

func TestCompleteRefusals(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		in := e.instance(500, "ttd/app", time.Now(), nil)
		path := "/storage/api/v1/instances/500/" + in.GUID + "/complete"
		tests := []struct {
			name, method, path, token string
			status                    int
			code                      string
		}{
			{"no token", http.MethodPost, path, "", http.StatusUnauthorized, "unauthenticated"},
			{"end user", http.MethodPost, path, e.person(), http.StatusForbidden, "not_service_owner"},
			{"read scope only", http.MethodPost, path, e.owner("ttd", authz.ScopeServiceOwnerInstancesRead), http.StatusForbidden, "insufficient_scope"},
			{"other org", http.MethodPost, path, e.owner("skd"), http.StatusForbidden, "forbidden"},
			{"unknown instance", http.MethodPost, "/storage/api/v1/instances/500/" + uuid.NewString() + "/complete", e.owner("ttd"), http.StatusForbidden, "forbidden"},
			{"GET", http.MethodGet, path, e.owner("ttd"), http.StatusMethodNotAllowed, "method_not_allowed"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				apitest.WantProblem(t, e.do(tc.method, tc.path, tc.token), tc.status, tc.code)
			})
		}
		got, err := e.store.GetInstance(context.Background(), 500, in.GUID)
		if err != nil || got.Confirmed || got.Version != in.Version {
			t.Fatalf("a refused complete changed the instance: %+v %v", got, err)
		}
	})
}

// TestCompleteConcurrent: simultaneous confirmations by the same org all
// succeed and record one confirmation and one event.
func TestCompleteConcurrent(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		in := e.instance(500, "ttd/app", time.Now(), nil)
		path := "/storage/api/v1/instances/500/" + in.GUID + "/complete"
		tok := e.owner("ttd")
		statuses := make(chan int, 4)
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() { statuses <- e.doQuiet(http.MethodPost, path, tok) })
		}
		wg.Wait()
		close(statuses)
		for s := range statuses {
			if s != http.StatusOK {
				t.Fatalf("concurrent complete: %d", s)
			}
		}
		events, err := e.store.ListEvents(context.Background(), in.GUID, store.EventFilter{Types: []string{"ConfirmedComplete"}})
		got, gerr := e.store.GetInstance(context.Background(), 500, in.GUID)
		if err != nil || gerr != nil || len(events) != 1 || !got.Confirmed || got.Version != in.Version+1 {
			t.Fatalf("events %d %v; instance %+v %v", len(events), err, got, gerr)
		}
	})
}

// TestCompleteWaitsForPDF: while a PDF receipt job of the instance is pending,
// the first confirmation is 409 pdf_pending with Retry-After and changes
// nothing; once the job is done, or dead, the instance confirms.
func TestCompleteWaitsForPDF(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		tok := e.owner("ttd")
		for _, end := range []string{"done", "dead"} {
			t.Run(end, func(t *testing.T) {
				in := e.instance(500, "ttd/app", time.Now(), func(in *store.Instance) { in.IsComplete = true })
				path := "/storage/api/v1/instances/500/" + in.GUID + "/complete"
				// Another topic's job about the instance does not hold it back.
				if _, err := e.store.EnqueueRef(ctx, "webhook", in.GUID, []byte(`{}`), time.Time{}); err != nil {
					t.Fatal(err)
				}
				job, err := e.store.EnqueueRef(ctx, pdfTopic, in.GUID, []byte(`{}`), time.Time{})
				if err != nil {
					t.Fatal(err)
				}
				r := e.do(http.MethodPost, path, tok)
				apitest.WantProblem(t, r, http.StatusConflict, "pdf_pending")
				if ra := r.Header.Get("Retry-After"); ra == "" {
					t.Error("409 pdf_pending without Retry-After")
				}
				got, err := e.store.GetInstance(ctx, 500, in.GUID)
				if err != nil || got.Confirmed || got.Version != in.Version {
					t.Fatalf("a refused complete changed the instance: %+v %v", got, err)
				}
				claimed, err := e.store.Claim(ctx, 10, "w", time.Minute, pdfTopic)
				if err != nil || len(claimed) != 1 || claimed[0].ID != job.ID {
					t.Fatalf("claim: %v %v", claimed, err)
				}
				if end == "done" {
					err = e.store.Complete(ctx, job.ID, "w")
				} else {
					_, err = e.store.Fail(ctx, job.ID, "w", errors.New("no printer"), store.RetryPolicy{MaxAttempts: 1})
				}
				if err != nil {
					t.Fatal(err)
				}
				if r := e.do(http.MethodPost, path, tok); r.Status != http.StatusOK {
					t.Fatalf("complete after the job is %s: %d %s", end, r.Status, r.Body)
				}
			})
		}
	})
}

// TestCompleteWithoutPDFWorker: a runtime that prints no PDFs (no WaitPDF)
// confirms an instance whose PDF job waits, since nothing here would end it.
func TestCompleteWithoutPDFWorker(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnvPDF(t, db, false)
		in := e.instance(500, "ttd/app", time.Now(), func(in *store.Instance) { in.IsComplete = true })
		if _, err := e.store.EnqueueRef(context.Background(), pdfTopic, in.GUID, []byte(`{}`), time.Time{}); err != nil {
			t.Fatal(err)
		}
		if r := e.do(http.MethodPost, "/storage/api/v1/instances/500/"+in.GUID+"/complete", e.owner("ttd")); r.Status != http.StatusOK {
			t.Fatalf("complete: %d %s", r.Status, r.Body)
		}
	})
}

// TestCompleteIfMatch: GET gives the instance's ETag (its lastChanged, quoted,
// as any listing shows it); a confirmation with If-Match holds only for that
// state: a stale tag is 412 instance_changed and changes nothing, the current
// tag (alone, in a list, or "*") confirms.
func TestCompleteIfMatch(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok := e.owner("ttd")
		for _, tc := range []struct {
			name  string
			match func(etag string) string
			want  int
		}{
			{"stale", func(string) string { return `"2020-01-01T00:00:00Z"` }, http.StatusPreconditionFailed},
			{"weak", func(etag string) string { return "W/" + etag }, http.StatusPreconditionFailed},
			{"current", func(etag string) string { return etag }, http.StatusOK},
			{"in a list", func(etag string) string { return `"x", ` + etag }, http.StatusOK},
			{"any", func(string) string { return "*" }, http.StatusOK},
		} {
			t.Run(tc.name, func(t *testing.T) {
				in := e.instance(500, "ttd/app", time.Now().Add(-time.Minute), nil)
				path := "/storage/api/v1/instances/500/" + in.GUID
				r := e.do(http.MethodGet, path, tok)
				var doc wireDoc
				r.JSON(t, &doc)
				etag := r.Header.Get("ETag")
				if want := `"` + doc.LastChanged.UTC().Format(time.RFC3339Nano) + `"`; etag != want {
					t.Fatalf("ETag %s, want the quoted lastChanged %s", etag, want)
				}
				// A client makes the same tag from a listing's text.
				var listing struct {
					Instances []struct{ ID, LastChanged string }
				}
				e.do(http.MethodGet, "/storage/api/v1/instances?appId=ttd/app&size=1000", tok).JSON(t, &listing)
				found := false
				for _, li := range listing.Instances {
					if li.ID == "500/"+in.GUID {
						found = `"`+li.LastChanged+`"` == etag
					}
				}
				if !found {
					t.Fatalf("the listing's lastChanged does not make ETag %s: %+v", etag, listing)
				}
				r = e.do(http.MethodPost, path+"/complete", tok, "If-Match", tc.match(etag))
				if tc.want != http.StatusOK {
					apitest.WantProblem(t, r, tc.want, "instance_changed")
					got, err := e.store.GetInstance(context.Background(), 500, in.GUID)
					if err != nil || got.Confirmed || got.Version != in.Version {
						t.Fatalf("a refused complete changed the instance: %+v %v", got, err)
					}
					return
				}
				var after wireDoc
				r.JSON(t, &after)
				if r.Status != http.StatusOK || len(after.CompleteConfirmations) != 1 || r.Header.Get("ETag") == etag {
					t.Fatalf("complete: %d %v %s", r.Status, r.Header, r.Body)
				}
			})
		}
	})
}

// TestCompleteMovesLastChangedOn: a confirmation moves lastChanged (and so
// the ETag) on even when the instance was last written by a runtime whose
// clock ran ahead of this one's, so an If-Match with the old ETag fails.
func TestCompleteMovesLastChangedOn(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		a := e.instance(500, "ttd/app", time.Now().Add(2*time.Second), func(in *store.Instance) { in.IsComplete = true })
		path := "/storage/api/v1/instances/500/" + a.GUID + "/complete"
		r := e.do(http.MethodPost, path, e.owner("ttd"))
		var got wireDoc
		r.JSON(t, &got)
		if r.Status != http.StatusOK || !got.LastChanged.After(a.LastChanged) {
			t.Fatalf("complete: %d, lastChanged %v, not after %v", r.Status, got.LastChanged, a.LastChanged)
		}
	})
}
