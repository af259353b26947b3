// SPDX-License-Identifier: MIT

package instances_test

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/blankett/blankett/appframework/validation"
	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
)

// countingBlobs counts reads of a blob store.
type countingBlobs struct {
	blob.Store
	gets atomic.Int64
}

func (c *countingBlobs) Get(ctx context.Context, key string, rng *blob.Range) (io.ReadCloser, blob.Info, error) {
	c.gets.Add(1)
	return c.Store.Get(ctx, key, rng)
}

// cacheFixture is a new signing-test instance of a service whose blob reads
// are counted.
type cacheFixture struct {
	svc   *instances.Service
	blobs *countingBlobs
	// fresh makes another service on the same database and blobs, with an
	// empty decoded-form cache.
	fresh func() *instances.Service
	c     authz.Caller
	snap  *instances.Snapshot
	ref   instances.Ref
}

func newCacheFixture(t *testing.T, db *dbx.DB, orgNo string) *cacheFixture {
	t.Helper()
	f := &cacheFixture{}
	_, host, party := instances.SetupSigningTest(t, db, orgNo, func(s blob.Store) blob.Store {
		f.blobs = &countingBlobs{Store: s}
		return f.blobs
	})
	f.fresh = func() *instances.Service {
		return instances.New(instances.Options{Store: store.New(db), Blobs: f.blobs, Apps: host})
	}
	f.svc = f.fresh()
	f.c = authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
	var err error
	f.snap, err = f.svc.Instantiate(context.Background(), f.c, instances.InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: party.ID})
	if err != nil {
		t.Fatal(err)
	}
	_, guid, _ := strings.Cut(f.snap.Instance.ID, "/")
	f.ref = instances.Ref{Org: "ttd", App: "signing-test", PartyID: party.ID, GUID: guid}
	return f
}

// TestValidateReusesDecodedForm covers the decoded-form cache behind validation:
// validating unchanged data again reads no blob, and every save (new content,
// new hash) is validated as saved, never as an earlier version, also when the
// content goes back to an earlier one.
func TestValidateReusesDecodedForm(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		f := newCacheFixture(t, db, "310000002")
		svc, blobs, c, snap, ref := f.svc, f.blobs, f.c, f.snap, f.ref
		dataID := snap.Instance.Data[0].ID
		var err error

		// yearIssue saves a form with year and reports whether validation flags the
		// year (the model's minimum is 2000).
		yearIssue := func(year int) bool {
			t.Helper()
			body := fmt.Sprintf(`<data><form><name>Ola</name><orgNumber>310000002</orgNumber><year>%d</year><income>1</income></form></data>`, year)
			if _, err := svc.ReplaceData(ctx, c, snap, dataID, instances.Upload{ContentType: "application/xml", Length: -1,
				Body: strings.NewReader(body)}); err != nil {
				t.Fatal(err)
			}
			if snap, err = svc.Get(ctx, ref); err != nil {
				t.Fatal(err)
			}
			issues, err := svc.Validate(ctx, snap, "nb")
			if err != nil {
				t.Fatal(err)
			}
			return slices.ContainsFunc(issues, func(i validation.Issue) bool { return strings.HasSuffix(i.Field, "year") })
		}
		for i, tc := range []struct {
			year int
			want bool
		}{{1999, true}, {2020, false}, {1999, true}, {2021, false}} {
			if got := yearIssue(tc.year); got != tc.want {
				t.Fatalf("save %d (year %d): year issue %v, want %v", i, tc.year, got, tc.want)
			}
		}

		// Validating the unchanged data again is served from the cache.
		before := blobs.gets.Load()
		for range 3 {
			if _, err := svc.Validate(ctx, snap, "nb"); err != nil {
				t.Fatal(err)
			}
		}
		if n := blobs.gets.Load() - before; n != 0 {
			t.Errorf("validating unchanged data read %d blobs, want 0", n)
		}
	})
}

// TestPatchValidatesWithoutRereading: a patch decodes its result from the bytes
// it stores, so the validation that follows takes it from the decoded-form cache
// and reads only the form it patched from (one blob), never the new blob again;
// the issues are those of the patched data.
func TestPatchValidatesWithoutRereading(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		f := newCacheFixture(t, db, "310000006")
		svc, blobs, c, snap, ref := f.svc, f.blobs, f.c, f.snap, f.ref
		var err error
		for _, year := range []int{1999, 2020} {
			if snap, err = svc.Get(ctx, ref); err != nil {
				t.Fatal(err)
			}
			var p instances.Patch
			fill := fmt.Sprintf(`[{"op":"add","path":"/form","value":{"name":"Ola","orgNumber":"310000002","year":%d,"income":1}}]`, year)
			if err := p.UnmarshalJSON([]byte(fill)); err != nil {
				t.Fatal(err)
			}
			before := blobs.gets.Load()
			res, err := svc.PatchData(ctx, c, snap, []instances.ElementPatch{{DataElementID: snap.Instance.Data[0].ID, Patch: p}}, nil, "nb")
			if err != nil {
				t.Fatal(err)
			}
			if n := blobs.gets.Load() - before; n > 1 {
				t.Errorf("year %d: the patch read %d blobs, want at most the one it patched", year, n)
			}
			flagged := slices.ContainsFunc(res.ValidationIssues, func(g instances.ValidationSourcePair) bool {
				return slices.ContainsFunc(g.Issues, func(i validation.Issue) bool { return strings.HasSuffix(i.Field, "year") })
			})
			if flagged != (year < 2000) {
				t.Errorf("year %d: year flagged %v, want %v", year, flagged, year < 2000)
			}
		}
	})
}

// TestReplaceValidatesWithoutRereading: a PUT of form data keeps the value it
// decoded, so the validation that follows (process/next) reads no blob; and the
// issues are those a service without the cache finds in the stored bytes, also
// for input the model's encoding writes differently (leading zeros, spaces,
// elements out of order).
func TestReplaceValidatesWithoutRereading(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		f := newCacheFixture(t, db, "310000007")
		svc, blobs, c, snap, ref := f.svc, f.blobs, f.c, f.snap, f.ref
		var err error
		for _, body := range []string{
			`<data><form><name>Ola</name><orgNumber>310000002</orgNumber><year>1999</year><income>1</income></form></data>`,
			`<data><form><name>  Kari  </name><orgNumber>310000002</orgNumber><year>02020</year><income>1.50</income></form></data>`,
			`<data><form><income>7</income><year>2021</year><name/></form></data>`,
		} {
			if _, err := svc.ReplaceData(ctx, c, snap, snap.Instance.Data[0].ID, instances.Upload{ContentType: "application/xml", Length: -1,
				Body: strings.NewReader(body)}); err != nil {
				t.Fatalf("%q: %v", body, err)
			}
			if snap, err = svc.Get(ctx, ref); err != nil {
				t.Fatal(err)
			}
			before := blobs.gets.Load()
			got, err := svc.Validate(ctx, snap, "nb")
			if err != nil {
				t.Fatal(err)
			}
			if n := blobs.gets.Load() - before; n != 0 {
				t.Errorf("%q: validation after the PUT read %d blobs, want 0", body, n)
			}
			want, err := f.fresh().Validate(ctx, snap, "nb")
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%q: issues from the PUT's value\n%v\nfrom the stored bytes\n%v", body, got, want)
			}
		}
	})
}

// TestFormValueOwnCopy: FormValue without shared gives the caller a value of its
// own (a form post writes the posted fields into it); changing it leaves what
// shared readers (page renders, validation) get untouched.
func TestFormValueOwnCopy(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		f := newCacheFixture(t, db, "310000008")
		svc, c, snap := f.svc, f.c, f.snap
		id := snap.Instance.Data[0].ID
		if _, err := svc.ReplaceData(ctx, c, snap, id, instances.Upload{ContentType: "application/xml", Length: -1,
			Body: strings.NewReader(`<data><form><name>Ola</name></form></data>`)}); err != nil {
			t.Fatal(err)
		}
		snap, err := svc.Get(ctx, f.ref)
		if err != nil {
			t.Fatal(err)
		}
		name := func(v any) any { return v.(map[string]any)["form"].(map[string]any)["name"] }
		shared, err := svc.FormValue(ctx, snap, id, true)
		if err != nil || name(shared) != "Ola" {
			t.Fatalf("shared value %v, %v; want name Ola", shared, err)
		}
		own, err := svc.FormValue(ctx, snap, id, false)
		if err != nil {
			t.Fatal(err)
		}
		own.(map[string]any)["form"].(map[string]any)["name"] = "changed"
		again, err := svc.FormValue(ctx, snap, id, true)
		if err != nil || name(again) != "Ola" {
			t.Fatalf("after changing the own copy the shared value has name %v (%v), want Ola", name(again), err)
		}
	})
}
