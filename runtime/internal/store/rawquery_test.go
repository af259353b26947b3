// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
	"gorm.io/gorm"
)

// TestRawReads round-trips every column of the rows that GetInstance,
// ListDataElements, ListDataElementsOf, LoadInstance (pipelined on PostgreSQL) and
// GetSession scan by hand. Rows are
// written with gorm; each read must give back the written values (instants
// compared in UTC, pointers nil or not as written) and exactly what gorm's own
// query gives, down to time locations and empty slices.
func TestRawReads(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		now := time.Date(2024, 6, 1, 9, 0, 0, 123456000, time.UTC) // microseconds survive both engines
		at := func(d time.Duration) time.Time { return now.Add(d) }
		ptr := func(d time.Duration) *time.Time { v := at(d); return &v }
		s := newStore(t, db, store.WithClock(func() time.Time { return now }))
		ctx := context.Background()
		g := db.Gorm.WithContext(ctx)

		t.Run("instance", func(t *testing.T) {
			key := "idem-key"
			for _, tc := range []struct {
				name string
				in   store.Instance
			}{
				{"nil pointers", store.Instance{IsComplete: true, IsHardDeleted: true, Confirmed: true}},
				{"all pointers", store.Instance{IsArchived: true, IsHardDeleted: true, ArchivedAt: ptr(-3 * time.Hour),
					SoftDeletedAt: ptr(-2*time.Hour + time.Microsecond), HardDeletedAt: ptr(-time.Hour + 2*time.Microsecond), IdempotencyKey: &key}},
				{"other flags", store.Instance{IsSoftDeleted: true, Confirmed: true, SoftDeletedAt: ptr(time.Microsecond)}},
			} {
				t.Run(tc.name, func(t *testing.T) {
					in := tc.in
					in.GUID, in.PartyID, in.Org, in.AppID, in.AppVersion = uuid.NewString(), 501, "ttd", "ttd/raw", "v7"
					in.CurrentTask, in.Created, in.CreatedBy = "Task_2", at(-48*time.Hour+3*time.Microsecond), "1337"
					in.LastChanged, in.LastChangedBy, in.Version = at(-24*time.Hour+4*time.Microsecond), "4242", 9
					in.RequestHash, in.Document = "cafe", `{"appId":"ttd/raw"}`
					if err := g.Create(&in).Error; err != nil {
						t.Fatal(err)
					}
					got, err := s.GetInstance(ctx, in.PartyID, in.GUID)
					var ref store.Instance
					refErr := g.Where("guid = ? AND party_id = ?", in.GUID, in.PartyID).Take(&ref).Error
					sameRow(t, in, got, err, ref, refErr)
					loaded, els, err := s.LoadInstance(ctx, in.PartyID, in.GUID)
					sameRow(t, in, loaded, err, ref, refErr)
					if els == nil || len(els) != 0 {
						t.Errorf("LoadInstance elements = %#v, want empty and not nil", els)
					}
					if _, err := s.GetInstance(ctx, in.PartyID+1, in.GUID); !errors.Is(err, store.ErrNotFound) {
						t.Fatalf("another party's instance: %v, want ErrNotFound", err)
					}
					if _, _, err := s.LoadInstance(ctx, in.PartyID+1, in.GUID); !errors.Is(err, store.ErrNotFound) {
						t.Fatalf("LoadInstance of another party's instance: %v, want ErrNotFound", err)
					}
				})
			}
		})

		t.Run("data elements", func(t *testing.T) {
			a, err := s.CreateInstance(ctx, newInstance(502, "ttd", "ttd/raw"), store.Idempotency{})
			if err != nil {
				t.Fatal(err)
			}
			b, _ := s.CreateInstance(ctx, newInstance(502, "ttd", "ttd/raw"), store.Idempotency{})
			empty, _ := s.CreateInstance(ctx, newInstance(502, "ttd", "ttd/raw"), store.Idempotency{})
			var written []store.DataElement
			for i, tc := range []struct {
				name    string
				in      store.Instance
				locked  bool
				created time.Duration
			}{
				{"locked", a, true, 5 * time.Microsecond},
				{"unlocked, same created", a, false, 5 * time.Microsecond}, // ordered by guid
				{"earlier", a, false, time.Microsecond},
				{"other instance", b, true, 0},
			} {
				d := newElement(tc.in, "type-"+tc.name)
				d.ContentType, d.Filename, d.Size, d.SHA256 = "text/"+tc.name, "f"+tc.name, int64(100+i), "sha-"+tc.name
				d.Locked, d.Created, d.CreatedBy = tc.locked, at(tc.created), "c-"+tc.name
				d.LastChanged, d.LastChangedBy = at(time.Hour+tc.created), "l-"+tc.name
				if err := g.Create(&d).Error; err != nil {
					t.Fatal(err)
				}
				written = append(written, d)
			}
			byInstance := map[int64][]store.DataElement{}
			for _, d := range written {
				byInstance[d.InstanceID] = append(byInstance[d.InstanceID], d)
			}
			for _, in := range []store.Instance{a, b, empty} {
				want := byInstance[in.ID]
				sortElements(want)
				got, err := s.ListDataElements(ctx, in.ID)
				var ref []store.DataElement
				refErr := g.Where("instance_id = ?", in.ID).Order("created, guid").Find(&ref).Error
				sameRows(t, want, got, err, ref, refErr)
				loaded, els, err := s.LoadInstance(ctx, in.PartyID, in.GUID)
				sameRows(t, want, els, err, ref, refErr)
				if loaded.ID != in.ID {
					t.Errorf("LoadInstance gave instance %d, want %d", loaded.ID, in.ID)
				}
			}
			if _, _, err := s.LoadInstance(ctx, a.PartyID, uuid.NewString()); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("LoadInstance of an unknown guid: %v, want ErrNotFound", err)
			}

			ids := []int64{b.ID, a.ID, empty.ID, 1 << 40}
			got, err := s.ListDataElementsOf(ctx, ids)
			var refRows []store.DataElement
			refErr := g.Where("instance_id IN ?", ids).Order("instance_id, created, guid").Find(&refRows).Error
			ref := map[int64][]store.DataElement{}
			for _, r := range refRows {
				ref[r.InstanceID] = append(ref[r.InstanceID], r)
			}
			if err != nil || refErr != nil || len(got) != 2 || len(ref) != 2 {
				t.Fatalf("ListDataElementsOf = %d instances, %v; gorm %d, %v; want 2", len(got), err, len(ref), refErr)
			}
			for id, want := range byInstance {
				sortElements(want)
				sameRows(t, want, got[id], nil, ref[id], nil)
			}
		})

		t.Run("session", func(t *testing.T) {
			p, _ := s.CreateParty(ctx, store.Party{Type: store.PartyPerson, Name: "Kari"})
			u, err := s.CreateUser(ctx, store.User{Username: "kari", PartyID: p.ID})
			if err != nil {
				t.Fatal(err)
			}
			in := store.Session{ID: "0123456789abcdef", UserID: u.ID, PartyID: p.ID + 1000, AuthLevel: 4, IdleSeconds: 1800,
				Created: at(-10 * time.Minute), LastSeen: at(-30*time.Second + time.Microsecond),
				IdleExpiresAt: at(20*time.Minute + 2*time.Microsecond), AbsoluteExpiresAt: at(time.Hour + 3*time.Microsecond)}
			// GetSession looks sessions up by the hash of the token; the token is not stored.
			token := "raw-reads-token"
			sum := sha256.Sum256([]byte(token))
			in.ID = hex.EncodeToString(sum[:])
			if err := g.Create(&in).Error; err != nil {
				t.Fatal(err)
			}
			in.UserPartyID = p.ID
			got, err := s.GetSession(ctx, token)
			var ref store.Session
			refErr := g.Select("sessions.*, users.party_id AS user_party_id").Joins("JOIN users ON users.id = sessions.user_id").
				Where("sessions.id = ?", in.ID).Take(&ref).Error
			sameRow(t, in, got, err, ref, refErr)
			if _, err := s.GetSession(ctx, "unknown"); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("unknown token: %v, want ErrNotFound", err)
			}
		})

		t.Run("in a transaction", func(t *testing.T) {
			// The reads run on the transaction's connection: they see its uncommitted rows.
			err := s.Tx(ctx, func(tx *store.Store) error {
				in, err := tx.CreateInstance(ctx, newInstance(503, "ttd", "ttd/raw"), store.Idempotency{})
				if err != nil {
					return err
				}
				d, err := tx.CreateDataElement(ctx, newElement(in, "model"))
				if err != nil {
					return err
				}
				if got, err := tx.GetInstance(ctx, in.PartyID, in.GUID); err != nil || got.ID != in.ID {
					t.Errorf("GetInstance in Tx = %+v, %v", got, err)
				}
				if got, err := tx.ListDataElements(ctx, in.ID); err != nil || len(got) != 1 || got[0].GUID != d.GUID {
					t.Errorf("ListDataElements in Tx = %+v, %v", got, err)
				}
				if got, err := tx.ListDataElementsOf(ctx, []int64{in.ID}); err != nil || len(got[in.ID]) != 1 {
					t.Errorf("ListDataElementsOf in Tx = %+v, %v", got, err)
				}
				if got, els, err := tx.LoadInstance(ctx, in.PartyID, in.GUID); err != nil || got.ID != in.ID || len(els) != 1 || els[0].GUID != d.GUID {
					t.Errorf("LoadInstance in Tx = %+v, %+v, %v", got, els, err)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	})
}

// sameRow fails t unless got (read with err) equals want as instants and equals
// ref (gorm's read of the same row) exactly.
func sameRow[T any](t *testing.T, want, got T, err error, ref T, refErr error) {
	t.Helper()
	if err != nil || refErr != nil {
		t.Fatalf("read: %v; gorm's read: %v", err, refErr)
	}
	if !reflect.DeepEqual(inUTC(got), inUTC(want)) {
		t.Errorf("read back\n %+v\nwant\n %+v", got, want)
	}
	if !reflect.DeepEqual(got, ref) {
		t.Errorf("read back\n %+v\ngorm reads\n %+v", got, ref)
	}
}

// sameRows is sameRow for lists; an empty want matches an empty, non-nil got, as
// gorm's Find returns.
func sameRows[T any](t *testing.T, want, got []T, err error, ref []T, refErr error) {
	t.Helper()
	if err != nil || refErr != nil {
		t.Fatalf("read: %v; gorm's read: %v", err, refErr)
	}
	if len(got) != len(want) {
		t.Fatalf("read %d rows, want %d", len(got), len(want))
	}
	for i := range want {
		sameRow(t, want[i], got[i], nil, ref[i], nil)
	}
	if (got == nil) != (ref == nil) {
		t.Errorf("read nil = %t, gorm's nil = %t", got == nil, ref == nil)
	}
}

// inUTC returns a copy of the struct v with its time.Time and *time.Time fields
// in UTC, so that DeepEqual compares instants whatever location a driver gives.
func inUTC[T any](v T) T {
	rv := reflect.ValueOf(&v).Elem()
	for i := range rv.NumField() {
		switch f := rv.Field(i); x := f.Interface().(type) {
		case time.Time:
			f.Set(reflect.ValueOf(x.UTC()))
		case *time.Time:
			if x != nil {
				u := x.UTC()
				f.Set(reflect.ValueOf(&u))
			}
		}
	}
	return v
}

// sortElements orders elements as the list reads do: by created, then guid.
func sortElements(ds []store.DataElement) {
	slices.SortFunc(ds, func(a, b store.DataElement) int {
		if c := a.Created.Compare(b.Created); c != 0 {
			return c
		}
		return strings.Compare(a.GUID, b.GUID)
	})
}

// TestRawWrites gives every column that CreateInstance, UpdateInstance,
// CreateDataElement, ReplaceDataElement and LockDataElement write by hand a value
// of its own, then reads the rows back with gorm: a column written into another's
// place, or left out, fails it.
func TestRawWrites(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		now := time.Date(2024, 6, 1, 9, 0, 0, 123456000, time.UTC)
		s := newStore(t, db, store.WithClock(func() time.Time { return now }))
		ctx := context.Background()
		g := db.Gorm.WithContext(ctx)
		at := func(d time.Duration) *time.Time { v := now.Add(d); return &v }

		// Inputs in another zone and with nanoseconds: the store keeps UTC microseconds.
		oslo := time.FixedZone("CET", 3600)
		odd := func(d time.Duration) *time.Time { v := now.Add(d + 789*time.Nanosecond).In(oslo); return &v }
		utc := func(v *time.Time) *time.Time { u := v.UTC().Truncate(time.Microsecond); return &u }
		// One flag set at a time (and all, and none), so that two flags written into
		// each other's columns cannot pass unseen.
		flags := []string{"", "complete", "archived", "soft", "hard", "confirmed", "all"}
		for i, flag := range flags {
			on := func(f string) bool { return flag == f || flag == "all" }
			idem := store.Idempotency{}
			if i%2 == 1 {
				idem = store.Idempotency{Key: "raw-key-" + flag, RequestHash: "raw-hash-" + flag}
			}
			c := store.Instance{GUID: uuid.NewString(), PartyID: 505, Org: "org5", AppID: "org5/app5", AppVersion: "v5",
				CurrentTask: "Task_5", IsComplete: on("complete"), IsArchived: on("archived"), ArchivedAt: odd(-5 * time.Hour),
				IsSoftDeleted: on("soft"), SoftDeletedAt: odd(-4*time.Hour + time.Microsecond), IsHardDeleted: on("hard"),
				HardDeletedAt: odd(-3*time.Hour + 2*time.Microsecond), Confirmed: on("confirmed"), Created: *odd(-48 * time.Hour),
				CreatedBy: "creator", LastChanged: *odd(-24 * time.Hour), LastChangedBy: "changer5", Document: `{"c":5}`}
			created, err := s.CreateInstance(ctx, c, idem)
			if err != nil {
				t.Fatal(err)
			}
			var ref store.Instance
			refErr := g.Where("id = ?", created.ID).Take(&ref).Error
			c.ID, c.Version, c.RequestHash = created.ID, 1, idem.RequestHash
			c.Created, c.LastChanged = *utc(&c.Created), *utc(&c.LastChanged)
			c.ArchivedAt, c.SoftDeletedAt, c.HardDeletedAt = utc(c.ArchivedAt), utc(c.SoftDeletedAt), utc(c.HardDeletedAt)
			if idem.Key != "" {
				c.IdempotencyKey = &idem.Key
			}
			t.Run("create "+flag, func(t *testing.T) { sameRow(t, c, inUTC(ref), refErr, inUTC(created), nil) })
		}

		in, err := s.CreateInstance(ctx, newInstance(504, "ttd", "ttd/raw"), store.Idempotency{})
		if err != nil {
			t.Fatal(err)
		}
		for _, flag := range flags[:5] {
			on := func(f string) bool { return flag == f }
			want := in
			want.AppVersion, want.CurrentTask, want.IsComplete = "v9", "Task_9-"+flag, on("complete")
			want.IsArchived, want.ArchivedAt = on("archived"), odd(-3*time.Hour)
			want.IsSoftDeleted, want.SoftDeletedAt = on("soft"), odd(-2*time.Hour+time.Microsecond)
			want.IsHardDeleted, want.HardDeletedAt = on("hard"), odd(-time.Hour+2*time.Microsecond)
			want.LastChanged, want.LastChangedBy, want.Document = *at(time.Hour), "changer", `{"v":9}`
			up := want
			if err := s.UpdateInstance(ctx, &up); err != nil {
				t.Fatal(err)
			}
			want.Version = in.Version + 1
			want.ArchivedAt, want.SoftDeletedAt, want.HardDeletedAt = utc(want.ArchivedAt), utc(want.SoftDeletedAt), utc(want.HardDeletedAt)
			var got store.Instance
			err = g.Where("id = ?", in.ID).Take(&got).Error
			if err != nil || !reflect.DeepEqual(inUTC(got), inUTC(want)) || up.Version != want.Version || !up.LastChanged.Equal(want.LastChanged) {
				t.Errorf("after UpdateInstance %q (err %v):\n %+v\nwant\n %+v\nreturned version %d, last changed %s", flag, err, got, want, up.Version, up.LastChanged)
			}
			in = up
		}

		full := store.DataElement{GUID: uuid.NewString(), InstanceID: in.ID, InstanceGUID: in.GUID, DataType: "type6",
			ContentType: "ct6", Filename: "f6", Size: 606, SHA256: "sha6", BlobKey: "key6", Locked: true,
			Created: *at(-6 * time.Hour), CreatedBy: "c6", LastChanged: *at(-5 * time.Hour), LastChangedBy: "l6", Document: `{"d":6}`}
		created, err := s.CreateDataElement(ctx, full)
		var refEl store.DataElement
		refErr := g.Where("guid = ?", full.GUID).Take(&refEl).Error
		if err != nil {
			t.Fatal(err)
		}
		sameRow(t, full, inUTC(refEl), refErr, inUTC(created), nil)
		if _, err := s.CreateDataElement(ctx, full); !errors.Is(err, store.ErrDuplicate) {
			t.Errorf("the same element twice: %v, want ErrDuplicate", err)
		}
		orphan := newElement(store.Instance{ID: 1 << 40, GUID: uuid.NewString(), AppID: "ttd/raw"}, "model")
		if _, err := s.CreateDataElement(ctx, orphan); !errors.Is(err, gorm.ErrForeignKeyViolated) {
			t.Errorf("an element of no instance: %v, want gorm.ErrForeignKeyViolated", err)
		}

		d, err := s.CreateDataElement(ctx, newElement(in, "model"))
		if err != nil {
			t.Fatal(err)
		}
		wantEl := d
		wantEl.ContentType, wantEl.Filename, wantEl.Size, wantEl.SHA256 = "text/plain", "f.txt", 4321, "sha-new"
		wantEl.BlobKey, wantEl.LastChangedBy, wantEl.Document = d.BlobKey+".v2", "replacer", `{"r":2}`
		rep := wantEl
		if err := s.ReplaceDataElement(ctx, &rep); err != nil {
			t.Fatal(err)
		}
		wantEl.LastChanged = now
		var gotEl store.DataElement
		if err := g.Where("guid = ?", d.GUID).Take(&gotEl).Error; err != nil || !reflect.DeepEqual(inUTC(gotEl), inUTC(wantEl)) {
			t.Errorf("after ReplaceDataElement (err %v):\n %+v\nwant\n %+v", err, gotEl, wantEl)
		}
		later := now.Add(time.Minute)
		s2 := store.New(db, store.WithClock(func() time.Time { return later }))
		if err := s2.LockDataElement(ctx, &rep, true); err != nil {
			t.Fatal(err)
		}
		wantEl.Locked, wantEl.LastChanged = true, later
		if err := g.Where("guid = ?", d.GUID).Take(&gotEl).Error; err != nil || !reflect.DeepEqual(inUTC(gotEl), inUTC(wantEl)) {
			t.Errorf("after LockDataElement (err %v):\n %+v\nwant\n %+v", err, gotEl, wantEl)
		}
	})
}
