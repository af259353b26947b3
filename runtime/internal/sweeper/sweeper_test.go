// SPDX-License-Identifier: MIT

package sweeper_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/sweeper"
	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
)

const appID = "ttd/sweep"

// fixture is a store and a blob store filled with every kind of blob the sweeper
// must tell apart, written before boundary except the young orphan.
type fixture struct {
	st       *store.Store
	blobs    blob.Store
	boundary time.Time
	keep     []string // referenced, soft-deleted, young, foreign: must survive
	orphans  []string // must be swept
}

func TestSweep(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		if _, err := db.Migrate(t.Context(), runtime.New(runtime.Config{}).Migrations(), nil); err != nil {
			t.Fatal(err)
		}
		st := store.New(db)
		for _, b := range backends {
			t.Run(b.name, func(t *testing.T) {
				f := newFixture(t, st, b.open(t))
				reg := prometheus.NewRegistry()
				sw, err := sweeper.New(sweeper.Options{Blobs: f.blobs, Refs: st, Grace: time.Hour, Metrics: reg,
					Now: func() time.Time { return f.boundary.Add(time.Hour) }})
				if err != nil {
					t.Fatal(err)
				}
				r, err := sw.Sweep(t.Context())
				if err != nil {
					t.Fatal(err)
				}
				want := sweeper.Result{Scanned: 9, Foreign: 2, Young: 1, Referenced: 3, Removed: 3, RemovedBytes: 3 * 5}
				if r != want {
					t.Errorf("Sweep = %+v, want %+v", r, want)
				}
				got := listKeys(t, f.blobs)
				if want := sorted(f.keep); !slices.Equal(got, want) {
					t.Errorf("left %q, want %q", got, want)
				}
				if r, err := sw.Sweep(t.Context()); err != nil || r.Removed != 0 || r.Scanned != len(f.keep) {
					t.Errorf("second Sweep = %+v, %v; want nothing removed", r, err)
				}
				checkMetrics(t, reg, map[string]float64{"blankett_blob_sweeper_removed_total": 3,
					"blankett_blob_sweeper_removed_bytes_total": 15, `blankett_blob_sweeper_runs_total{result="ok"}`: 2})
			})
		}
	})
}

// newFixture writes, in this order: an active instance's element; an element
// replaced under a new key (its old blob an orphan); a soft-deleted instance's
// element; an element of an instance then deleted for good (an orphan); a blob
// whose row never came (a crash: an orphan); a release bundle and a key of an
// unknown shape (foreign); then, after a whole-second boundary, since S3 dates
// have one-second resolution, a young orphan.
func newFixture(t *testing.T, st *store.Store, blobs blob.Store) *fixture {
	ctx := t.Context()
	f := &fixture{st: st, blobs: blobs}
	active := f.instance(t)
	f.keep = append(f.keep, f.element(t, active).BlobKey)

	el := f.element(t, active)
	f.orphans = append(f.orphans, el.BlobKey)
	el.BlobKey += ".0123456789ab"
	f.put(t, el.BlobKey)
	if err := st.ReplaceDataElement(ctx, &el); err != nil {
		t.Fatal(err)
	}
	f.keep = append(f.keep, el.BlobKey)

	soft := f.instance(t)
	f.keep = append(f.keep, f.element(t, soft).BlobKey)
	soft.IsSoftDeleted, soft.SoftDeletedAt = true, new(time.Now())
	if err := st.UpdateInstance(ctx, &soft); err != nil {
		t.Fatal(err)
	}

	hard := f.instance(t)
	f.orphans = append(f.orphans, f.element(t, hard).BlobKey)
	if err := st.DeleteInstance(ctx, hard.ID); err != nil {
		t.Fatal(err)
	}

	crash := store.BlobKey(appID, uuid.NewString(), uuid.NewString(), time.Now())
	f.put(t, crash)
	f.orphans = append(f.orphans, crash)
	for _, k := range []string{"releases/ttd/sweep/1.0.0.tar.gz", appID + "/not-a-guid/data/x"} {
		f.put(t, k)
		f.keep = append(f.keep, k)
	}

	f.boundary = time.Now().Truncate(time.Second).Add(time.Second)
	time.Sleep(time.Until(f.boundary) + 20*time.Millisecond)
	young := store.BlobKey(appID, uuid.NewString(), uuid.NewString(), time.Now())
	f.put(t, young)
	f.keep = append(f.keep, young)
	return f
}

func (f *fixture) instance(t *testing.T) store.Instance {
	t.Helper()
	in, err := f.st.CreateInstance(t.Context(), store.Instance{GUID: uuid.NewString(), PartyID: 501, Org: "ttd",
		AppID: appID, AppVersion: "1", CurrentTask: "Task_1", CreatedBy: "7", Document: "{}"}, store.Idempotency{})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// element writes a blob, then its row, as the runtime does.
func (f *fixture) element(t *testing.T, in store.Instance) store.DataElement {
	t.Helper()
	g := uuid.NewString()
	key := store.BlobKey(in.AppID, in.GUID, g, time.Now())
	info := f.put(t, key)
	el, err := f.st.CreateDataElement(t.Context(), store.DataElement{GUID: g, InstanceID: in.ID, InstanceGUID: in.GUID,
		DataType: "model", ContentType: "application/xml", Size: info.Size, SHA256: info.SHA256, BlobKey: key,
		CreatedBy: "7", Document: "{}"})
	if err != nil {
		t.Fatal(err)
	}
	return el
}

func (f *fixture) put(t *testing.T, key string) blob.Info {
	t.Helper()
	info, err := f.blobs.Put(t.Context(), key, strings.NewReader("<a/>\n"), blob.PutOptions{ContentType: "application/xml"})
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// failingRefs stands for a database that is down.
type failingRefs struct{}

var errDown = errors.New("database down")

func (failingRefs) BlobKeyReferenced(context.Context, string) (bool, error) { return false, errDown }

func TestSweepStopsWhenTheDatabaseFails(t *testing.T) {
	blobs := backends[0].open(t)
	key := store.BlobKey(appID, uuid.NewString(), uuid.NewString(), time.Now())
	if _, err := blobs.Put(t.Context(), key, strings.NewReader("x"), blob.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	sw, err := sweeper.New(sweeper.Options{Blobs: blobs, Refs: failingRefs{}, Grace: time.Minute, Metrics: reg,
		Now: func() time.Time { return time.Now().Add(time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sw.Sweep(t.Context()); !errors.Is(err, errDown) {
		t.Fatalf("Sweep = %v, want the database error", err)
	}
	if got := listKeys(t, blobs); !slices.Equal(got, []string{key}) {
		t.Fatalf("a blob was deleted without knowing whether a row references it: %q", got)
	}
	checkMetrics(t, reg, map[string]float64{`blankett_blob_sweeper_runs_total{result="error"}`: 1})
}

// noRefs references nothing.
type noRefs struct{}

func (noRefs) BlobKeyReferenced(context.Context, string) (bool, error) { return false, nil }

func TestRunSweepsUntilCancelled(t *testing.T) {
	blobs := backends[0].open(t)
	key := store.BlobKey(appID, uuid.NewString(), uuid.NewString(), time.Now())
	if _, err := blobs.Put(t.Context(), key, strings.NewReader("x"), blob.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	sw, err := sweeper.New(sweeper.Options{Blobs: blobs, Refs: noRefs{}, Grace: time.Nanosecond, Interval: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { sw.Run(ctx); close(done) }()
	for deadline := time.Now().Add(10 * time.Second); len(listKeys(t, blobs)) > 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("Run did not sweep the orphan within 10s")
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	blobs := backends[0].open(t)
	for name, o := range map[string]sweeper.Options{
		"no blobs":          {Refs: noRefs{}, Grace: time.Hour},
		"no refs":           {Blobs: blobs, Grace: time.Hour},
		"no grace":          {Blobs: blobs, Refs: noRefs{}},
		"negative interval": {Blobs: blobs, Refs: noRefs{}, Grace: time.Hour, Interval: -time.Second},
	} {
		if _, err := sweeper.New(o); !errors.Is(err, sweeper.ErrConfig) {
			t.Errorf("%s: New = %v, want ErrConfig", name, err)
		}
	}
	reg := prometheus.NewRegistry()
	o := sweeper.Options{Blobs: blobs, Refs: noRefs{}, Grace: time.Hour, Metrics: reg}
	if _, err := sweeper.New(o); err != nil {
		t.Fatal(err)
	}
	if _, err := sweeper.New(o); err == nil {
		t.Error("a second sweeper registered the same metrics without error")
	}
}

func listKeys(t *testing.T, s blob.Store) []string {
	t.Helper()
	var out []string
	if err := s.List(t.Context(), "", func(i blob.Info) error { out = append(out, i.Key); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
