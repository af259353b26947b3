// SPDX-License-Identifier: MIT

package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/openapitest"
	"github.com/blankett/blankett/internal/testenv/roletest"
	"github.com/blankett/blankett/runtime"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

// startWithWorkers starts the runtime role on db (migrated here) as platform.Run
// does, with its background workers running until the test ends, so that events
// are delivered. Webhook retries are fast: three attempts, 10 ms apart and up.
func startWithWorkers(t *testing.T, db *dbx.DB, apps ...string) *server {
	t.Helper()
	cfg := runtime.DefaultConfig()
	cfg.Apps, cfg.EventsMaxAttempts, cfg.EventsRetryBase, cfg.EventsWebhookTimeout = apps, 3, 10*time.Millisecond, 5*time.Second
	rs := roletest.StartWith(t, runtime.New(cfg), roletest.Options{Workers: true, DB: db})
	return &server{Server: rs, st: store.New(db)}
}

// hook is a webhook receiver answering status.
type hook struct {
	*httptest.Server
	status int
	mu     sync.Mutex
	got    []hookDelivery
}

type hookDelivery struct {
	header http.Header
	body   []byte
	event  events.Event
}

func newHook(t *testing.T, status int) *hook {
	h := &hook{status: status}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		d := hookDelivery{header: r.Header.Clone(), body: b}
		_ = json.Unmarshal(b, &d.event)
		h.mu.Lock()
		h.got = append(h.got, d)
		h.mu.Unlock()
		w.WriteHeader(h.status)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hook) deliveries() []hookDelivery {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.got)
}

// waitFor polls cond for up to 15 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestEventsEndToEnd: a service owner subscribes a webhook (which gets the
// validation event and becomes validated); a citizen instantiates and completes an
// instance over the app API; the webhook receives its events, signed; a failing
// endpoint is retried, then dead and listed as a dead letter; the pull API pages
// through the same events with after=. Every Events API exchange is checked
// against the OpenAPI document. SQLite always, PostgreSQL when configured.
func TestEventsEndToEnd(t *testing.T) {
	corpus, ok := testcorpus.Dir()
	if !ok {
		t.Skip("testcorpus not found: the test needs the signing-test app")
	}
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		srv := startWithWorkers(t, db, filepath.Join(corpus, "apps", "signing-test"))
		v := openapitest.NewValidator(t, loadSpec(t))
		ctx := context.Background()
		cookie, party := login(t, srv.st)
		// The last signing task is the auditor's (A0237 in signing-test's policy).
		if u, err := srv.st.UserByUsername(ctx, "ola"); err != nil || srv.st.GrantRole(ctx, u.ID, party, "A0237") != nil {
			t.Fatalf("grant the auditor role: %v", err)
		}
		owner := clientToken(t, srv, "ttd-events", "ttd", "altinn:events.subscribe")
		call := func(method, target, body string, want int) openapitest.Exchange {
			t.Helper()
			var r io.Reader
			if body != "" {
				r = strings.NewReader(body)
			}
			req := httptest.NewRequest(method, target, r)
			req.Header.Set("Authorization", "Bearer "+owner)
			if body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			ex := srv.do(req)
			if ex.Status != want {
				t.Fatalf("%s %s: %d, want %d: %s", method, target, ex.Status, want, ex.Body)
			}
			v.Check(t, ex, false)
			return ex
		}
		subscribe := func(endpoint, typeFilter string) (id, secret string) {
			t.Helper()
			body, _ := json.Marshal(map[string]string{"endPoint": endpoint, "sourceFilter": srv.URL + "/ttd/signing-test", "typeFilter": typeFilter})
			ex := call(http.MethodPost, "/events/api/v1/subscriptions", string(body), http.StatusCreated)
			var s struct {
				ID               int64
				Secret, Consumer string
				Validated        bool
			}
			if err := json.Unmarshal(ex.Body, &s); err != nil || s.Secret == "" || s.Consumer != "/org/ttd" || s.Validated {
				t.Fatalf("created %s: %v", ex.Body, err)
			}
			return strconv.FormatInt(s.ID, 10), s.Secret
		}

		good, bad := newHook(t, http.StatusOK), newHook(t, http.StatusInternalServerError)
		goodID, goodSecret := subscribe(good.URL+"/in?code=query-secret", "")
		badID, _ := subscribe(bad.URL+"/in", events.TypeInstanceCreated)
		call(http.MethodPost, "/events/api/v1/subscriptions", `{"endPoint":"ftp://x","sourceFilter":"`+srv.URL+`/ttd"}`, http.StatusBadRequest)
		call(http.MethodPost, "/events/api/v1/subscriptions", `{"endPoint":"https://x.example","sourceFilter":"`+srv.URL+`/acme/app"}`, http.StatusForbidden)
		// A wildcard is a whole last segment; anywhere else it is refused.
		for _, f := range []string{"app.inst*", "app.*.created"} {
			ex := call(http.MethodPost, "/events/api/v1/subscriptions", `{"endPoint":"https://x.example","sourceFilter":"`+srv.URL+`/ttd/signing-test","typeFilter":"`+f+`"}`, http.StatusBadRequest)
			if !strings.Contains(string(ex.Body), `"code":"invalid_subscription"`) || !strings.Contains(string(ex.Body), `"type_filter_invalid"`) {
				t.Fatalf("typeFilter %s: %s", f, ex.Body)
			}
		}
		moved := newHook(t, http.StatusOK)
		movedID, _ := subscribe(moved.URL+"/in", "app.instance.process.movedTo.*")
		waitFor(t, "the validation event", func() bool { return len(good.deliveries()) == 1 })
		val := good.deliveries()[0]
		if val.event.Type != events.TypeValidateSubscription {
			t.Fatalf("first delivery %s", val.body)
		}
		if err := events.Verify(goodSecret, val.header.Get(events.HeaderSignature), val.body, time.Now(), time.Minute); err != nil {
			t.Fatalf("validation event signature: %v", err)
		}
		waitFor(t, "validated", func() bool {
			ex := call(http.MethodGet, "/events/api/v1/subscriptions/"+goodID, "", http.StatusOK)
			return strings.Contains(string(ex.Body), `"validated":true`) && !strings.Contains(string(ex.Body), goodSecret)
		})
		waitFor(t, "the wildcard subscription validated", func() bool {
			return strings.Contains(string(call(http.MethodGet, "/events/api/v1/subscriptions/"+movedID, "", http.StatusOK).Body), `"validated":true`)
		})
		// The failing endpoint never validates: its handshake ends as a dead letter.
		waitFor(t, "the failing endpoint's handshake dead", func() bool {
			return strings.Contains(string(call(http.MethodGet, "/events/api/v1/subscriptions/"+badID+"/deadletters", "", http.StatusOK).Body), `"kind":"validate"`)
		})
		if n := len(bad.deliveries()); n != 3 {
			t.Fatalf("failing endpoint tried %d times, want 3", n)
		}
		// Once validated by hand, its deliveries are retried and die too.
		if err := srv.st.SetSubscriptionValidated(ctx, mustInt(t, badID)); err != nil {
			t.Fatal(err)
		}

		// A citizen instantiates, fills in and completes an instance.
		app := func(method, path, body string, want int) []byte {
			t.Helper()
			var r io.Reader
			if body != "" {
				r = strings.NewReader(body)
			}
			req := httptest.NewRequest(method, path, r)
			req.AddCookie(cookie)
			req.Header.Set("Content-Type", "application/json")
			ex := srv.do(req)
			if ex.Status != want {
				t.Fatalf("%s %s: %d, want %d: %.600s", method, path, ex.Status, want, ex.Body)
			}
			return ex.Body
		}
		var in struct {
			ID   string
			Data []struct{ ID, DataType string }
		}
		_ = json.Unmarshal(app(http.MethodPost, "/ttd/signing-test/instances?instanceOwnerPartyId="+strconv.FormatInt(party, 10), "", http.StatusCreated), &in)
		if in.ID == "" || len(in.Data) == 0 {
			t.Fatal("no instance")
		}
		base := "/ttd/signing-test/instances/" + in.ID
		app(http.MethodPatch, base+"/data/"+in.Data[0].ID, `{"patch":[{"op":"add","path":"/form","value":{"name":"Test AS","orgNumber":"310000001","year":2024,"income":100}}]}`, http.StatusOK)
		app(http.MethodPut, base+"/process/completeProcess", "", http.StatusOK)

		guid := in.ID[strings.Index(in.ID, "/")+1:]
		want := []string{"app.instance.created", "app.instance.process.movedTo.Task_1", "app.instance.process.movedTo.Task_2",
			"app.instance.process.movedTo.Task_3", "app.instance.process.completed"}
		waitFor(t, "the instance's events", func() bool { return len(good.deliveries()) >= 1+len(want) })
		time.Sleep(300 * time.Millisecond) // anything more would be a duplicate
		got := good.deliveries()[1:]
		var types []string
		for _, d := range got {
			types = append(types, d.event.Type)
			if err := events.Verify(goodSecret, d.header.Get(events.HeaderSignature), d.body, time.Now(), time.Minute); err != nil {
				t.Errorf("%s: signature: %v", d.event.Type, err)
			}
			if d.header.Get("Content-Type") != events.ContentType || d.header.Get(events.HeaderEventID) != d.event.ID {
				t.Errorf("%s: headers %v", d.event.Type, d.header)
			}
			if d.event.Source != srv.URL+"/ttd/signing-test/instances/"+in.ID || d.event.Subject != "/party/"+strconv.FormatInt(party, 10) ||
				d.event.AlternativeSubject != "/org/310000001" || d.event.ResourceInstance != guid || d.event.SpecVersion != "1.0" {
				t.Errorf("event %s", d.body)
			}
		}
		if !slices.Equal(types, want) {
			// Deliveries run in parallel, so compare as sets when the order differs.
			s1, s2 := slices.Clone(types), slices.Clone(want)
			slices.Sort(s1)
			slices.Sort(s2)
			if !slices.Equal(s1, s2) {
				t.Fatalf("webhook got %v, want %v", types, want)
			}
		}

		// The wildcard subscription gets the three movedTo events only.
		waitFor(t, "the movedTo events", func() bool { return len(moved.deliveries()) >= 4 })
		var movedTypes []string
		for _, d := range moved.deliveries()[1:] {
			movedTypes = append(movedTypes, d.event.Type)
		}
		slices.Sort(movedTypes)
		if !slices.Equal(movedTypes, want[1:4]) {
			t.Fatalf("wildcard subscription got %v, want %v", movedTypes, want[1:4])
		}

		// The failing endpoint: app.instance.created tried three times, then dead.
		var dead []struct {
			ID       int64
			EventID  string
			Kind     string
			Attempts int
		}
		waitFor(t, "the dead letter", func() bool {
			ex := call(http.MethodGet, "/events/api/v1/subscriptions/"+badID+"/deadletters", "", http.StatusOK)
			_ = json.Unmarshal(ex.Body, &dead)
			return len(dead) == 2
		})
		created := ""
		for _, d := range got {
			if d.event.Type == events.TypeInstanceCreated {
				created = d.event.ID
			}
		}
		if dead[0].Kind != "webhook" || dead[0].Attempts != 3 || dead[0].EventID != created {
			t.Fatalf("dead letters %+v, want the created event %s", dead, created)
		}
		call(http.MethodPost, "/events/api/v1/subscriptions/"+badID+"/deadletters/"+strconv.FormatInt(dead[0].ID, 10)+"/retry", "", http.StatusNoContent)
		waitFor(t, "the retried delivery", func() bool { return len(bad.deliveries()) >= 4 })
		call(http.MethodPost, "/events/api/v1/subscriptions/"+badID+"/deadletters/999999/retry", "", http.StatusNotFound)

		// The pull API pages through the same events, two at a time, by Next.
		var pulled []json.RawMessage
		next := "/events/api/v1/app/ttd/signing-test?from=2000-01-01T00:00:00Z&size=2"
		for range 10 {
			ex := call(http.MethodGet, next, "", http.StatusOK)
			var page []json.RawMessage
			if err := json.Unmarshal(ex.Body, &page); err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			pulled = append(pulled, page...)
			u, err := url.Parse(ex.Header.Get("Next"))
			if err != nil || !strings.HasPrefix(ex.Header.Get("Next"), srv.URL) {
				t.Fatalf("Next %q", ex.Header.Get("Next"))
			}
			next = u.RequestURI()
		}
		if len(pulled) != len(want) {
			t.Fatalf("pulled %d events, want %d", len(pulled), len(want))
		}
		for i, raw := range pulled {
			var ev events.Event
			_ = json.Unmarshal(raw, &ev)
			if ev.Type != want[i] {
				t.Errorf("pulled event %d is %s, want %s", i, ev.Type, want[i])
			}
			for _, d := range got {
				if d.event.ID == ev.ID && string(d.body) != string(raw) {
					t.Errorf("pulled %s, delivered %s", raw, d.body)
				}
			}
		}
		var last events.Event
		_ = json.Unmarshal(pulled[2], &last)
		ex := call(http.MethodGet, "/events/api/v1/app/ttd/signing-test?after="+last.ID+"&type=app.instance.process.completed", "", http.StatusOK)
		if !strings.Contains(string(ex.Body), "app.instance.process.completed") || strings.Count(string(ex.Body), `"id"`) != 1 {
			t.Errorf("after + type: %s", ex.Body)
		}
		// type= takes the subscriptions' filter syntax.
		for _, tt := range []struct {
			query string
			n     int
		}{{"type=app.instance.process.movedTo.*", 3}, {"type=app.instance.*", len(want)}, {"type=*", len(want)},
			{"type=app.instance.process.movedTo.*&type=app.instance.created", 4}, {"type=app.instance.process.*", 4}} {
			ex := call(http.MethodGet, "/events/api/v1/app/ttd/signing-test?from=2000-01-01T00:00:00Z&"+tt.query, "", http.StatusOK)
			var page []events.Event
			if err := json.Unmarshal(ex.Body, &page); err != nil || len(page) != tt.n {
				t.Fatalf("%s: %d events, want %d: %s", tt.query, len(page), tt.n, ex.Body)
			}
		}
		ex = call(http.MethodGet, "/events/api/v1/app/ttd/signing-test?from=2000-01-01T00:00:00Z&type=app.inst*", "", http.StatusBadRequest)
		if !strings.Contains(string(ex.Body), `"code":"invalid_query"`) {
			t.Fatalf("type=app.inst*: %s", ex.Body)
		}
		call(http.MethodGet, "/events/api/v1/app/ttd/signing-test", "", http.StatusBadRequest)
		call(http.MethodGet, "/events/api/v1/app/ttd/signing-test?after=nope", "", http.StatusBadRequest)
		call(http.MethodGet, "/events/api/v1/app/acme/app?after=nope", "", http.StatusForbidden)

		// The list shows all three without secrets; a deleted subscription is gone.
		ex = call(http.MethodGet, "/events/api/v1/subscriptions", "", http.StatusOK)
		if strings.Count(string(ex.Body), `"id"`) != 3 || strings.Contains(string(ex.Body), goodSecret) {
			t.Errorf("list %s", ex.Body)
		}
		call(http.MethodDelete, "/events/api/v1/subscriptions/"+goodID, "", http.StatusNoContent)
		call(http.MethodGet, "/events/api/v1/subscriptions/"+goodID, "", http.StatusNotFound)
		call(http.MethodDelete, "/events/api/v1/subscriptions/"+goodID, "", http.StatusNotFound)
	})
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
