// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

func newElement(in store.Instance, dataType string) store.DataElement {
	g := uuid.NewString()
	return store.DataElement{
		GUID: g, InstanceID: in.ID, InstanceGUID: in.GUID, DataType: dataType,
		ContentType: "application/xml", Filename: "model.xml", Size: 42, SHA256: "ab12",
		BlobKey: store.BlobKey(in.AppID, in.GUID, g, time.Now()), CreatedBy: "1337", Document: `{"id":"` + g + `"}`,
	}
}

func TestBlobKey(t *testing.T) {
	const app, in, el = "ttd/a", "1f0e9c1c-4a43-4f43-9e8c-6b2a4b0e8b1a", "9a3d5b2e-0c1f-4d6e-8a7b-2c3d4e5f6a7b"
	oslo := time.FixedZone("CET", 3600)
	tests := []struct {
		name string
		at   time.Time
		want string
	}{
		{"mid-month", time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC), "ttd/a/data/2026-11/" + in + "." + el},
		{"the month in UTC, not the clock's zone", time.Date(2026, 12, 1, 0, 30, 0, 0, oslo), "ttd/a/data/2026-11/" + in + "." + el},
		{"new year", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), "ttd/a/data/2027-01/" + in + "." + el},
	}
	for _, tt := range tests {
		if got := store.BlobKey(app, in, el, tt.at); got != tt.want {
			t.Errorf("%s: BlobKey = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got, want := store.StoragePath(app, in, el), "ttd/a/"+in+"/data/"+el; got != want {
		t.Errorf("StoragePath = %q, want Altinn's %q", got, want)
	}
}

func TestDataElements(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		in, err := s.CreateInstance(ctx, newInstance(9, "ttd", "ttd/a"), store.Idempotency{})
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.CreateDataElement(ctx, newElement(in, "model"))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := s.GetDataElement(ctx, in.GUID, a.GUID); err != nil || got.BlobKey != a.BlobKey {
			t.Fatalf("blob key %q (%v), want %q", got.BlobKey, err, a.BlobKey)
		}
		b, _ := s.CreateDataElement(ctx, newElement(in, "attachment"))
		orphan := newElement(store.Instance{ID: 1 << 40, GUID: uuid.NewString(), AppID: "ttd/a"}, "x")
		if _, err := s.CreateDataElement(ctx, orphan); err == nil {
			t.Fatal("element of a missing instance was stored")
		}
		got, err := s.GetDataElement(ctx, in.GUID, a.GUID)
		if err != nil || got.SHA256 != "ab12" || got.Size != 42 || !got.Created.Equal(a.Created) {
			t.Fatalf("Get = %+v, %v", got, err)
		}
		if _, err := s.GetDataElement(ctx, uuid.NewString(), a.GUID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("element via another instance: %v", err)
		}
		list, err := s.ListDataElements(ctx, in.ID)
		if err != nil || len(list) != 2 {
			t.Fatalf("List = %v, %v", list, err)
		}

		oldKey := a.BlobKey
		a.BlobKey, a.Size, a.SHA256 = oldKey+"-v2", 7, "cd34"
		if err := s.ReplaceDataElement(ctx, &a); err != nil {
			t.Fatal(err)
		}
		for key, want := range map[string]bool{oldKey: false, a.BlobKey: true, "nope": false} {
			if ok, err := s.BlobKeyReferenced(ctx, key); err != nil || ok != want {
				t.Errorf("BlobKeyReferenced(%s) = %v, %v; want %v", key, ok, err, want)
			}
		}

		if err := s.LockDataElement(ctx, &a, true); err != nil {
			t.Fatal(err)
		}
		if err := s.ReplaceDataElement(ctx, &a); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("replace locked: %v, want ErrConflict", err)
		}
		if err := s.DeleteDataElement(ctx, in.GUID, a.GUID); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("delete locked: %v, want ErrConflict", err)
		}
		if err := s.DeleteDataElement(ctx, in.GUID, b.GUID); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteDataElement(ctx, in.GUID, b.GUID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("delete twice: %v, want ErrNotFound", err)
		}
		if err := s.LockDataElement(ctx, &b, true); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("lock missing: %v", err)
		}

		if err := s.DeleteInstance(ctx, in.ID); err != nil {
			t.Fatal(err)
		}
		if list, _ := s.ListDataElements(ctx, in.ID); len(list) != 0 {
			t.Fatalf("%d elements survived the instance (no cascade)", len(list))
		}
	})
}

// TestListDataElementsOf: the one-query listing of a page's elements gives each
// instance the list ListDataElements gives it.
func TestListDataElementsOf(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		s := newStore(t, db)
		ctx := context.Background()
		var ids []int64
		for i, n := range []int{2, 0, 3} {
			in, err := s.CreateInstance(ctx, newInstance(int64(20+i), "ttd", "ttd/a"), store.Idempotency{})
			if err != nil {
				t.Fatal(err)
			}
			for range n {
				if _, err := s.CreateDataElement(ctx, newElement(in, "model")); err != nil {
					t.Fatal(err)
				}
			}
			ids = append(ids, in.ID)
		}
		got, err := s.ListDataElementsOf(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			want, err := s.ListDataElements(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if len(got[id]) != len(want) {
				t.Fatalf("instance %d: %d elements, want %d", id, len(got[id]), len(want))
			}
			for i := range want {
				if got[id][i].GUID != want[i].GUID || !got[id][i].Created.Equal(want[i].Created) {
					t.Errorf("instance %d element %d: %+v, want %+v", id, i, got[id][i], want[i])
				}
			}
		}
		if none, err := s.ListDataElementsOf(ctx, nil); err != nil || len(none) != 0 {
			t.Fatalf("no ids: %v, %v", none, err)
		}
	})
}
