// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestProcessNextTaskData: leaving a task locks its data, entering a task opens
// its data again (a form sent back by reject can be corrected), and an instance
// in the recycle bin does not move on.
func TestProcessNextTaskData(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		blobs, host, party := SetupSigningTest(t, db, "310000007", nil)
		svc := New(Options{Store: store.New(db), Blobs: blobs, Apps: host, PublicURL: "https://rt.example"})
		c := authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
		// filled returns a new instance with a valid form, at Task_1.
		filled := func(t *testing.T) (Ref, string) {
			t.Helper()
			snap, err := svc.Instantiate(ctx, c, InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: party.ID})
			if err != nil {
				t.Fatal(err)
			}
			var p Patch
			fill := `[{"op":"add","path":"/form","value":{"name":"Test AS","orgNumber":"310000001","year":2024,"income":100}}]`
			if err := json.Unmarshal([]byte(fill), &p); err != nil {
				t.Fatal(err)
			}
			form := snap.elements[0].GUID
			if _, err := svc.PatchData(ctx, c, snap, []ElementPatch{{DataElementID: form, Patch: p}}, nil, ""); err != nil {
				t.Fatal(err)
			}
			return Ref{Org: "ttd", App: "signing-test", PartyID: snap.row.PartyID, GUID: snap.row.GUID}, form
		}
		get := func(t *testing.T, ref Ref) *Snapshot {
			t.Helper()
			snap, err := svc.Get(ctx, ref)
			if err != nil {
				t.Fatal(err)
			}
			return snap
		}
		next := func(t *testing.T, ref Ref, action string) error {
			t.Helper()
			_, err := svc.ProcessNext(ctx, c, get(t, ref), action, "")
			return err
		}
		locked := func(t *testing.T, ref Ref, guid string) bool {
			t.Helper()
			el, err := get(t, ref).Element(guid)
			if err != nil {
				t.Fatal(err)
			}
			return el.Locked
		}

		t.Run("reject opens the form again", func(t *testing.T) {
			ref, form := filled(t)
			if err := next(t, ref, ""); err != nil {
				t.Fatal(err)
			}
			if !locked(t, ref, form) {
				t.Fatal("the form is not locked after Task_1 ended")
			}
			if err := next(t, ref, "reject"); err != nil {
				t.Fatal(err)
			}
			if task := get(t, ref).CurrentTask(); task != "Task_1" {
				t.Fatalf("after reject at %q, want Task_1", task)
			}
			if locked(t, ref, form) {
				t.Fatal("the form is still locked back at Task_1")
			}
			// The correction is accepted, and leaving Task_1 again locks it again.
			up := Upload{ContentType: "application/json", Length: -1, Body: strings.NewReader(`{"form":{"name":"Rettet AS","orgNumber":"310000001","year":2024,"income":200}}`)}
			if _, err := svc.ReplaceData(ctx, c, get(t, ref), form, up); err != nil {
				t.Fatalf("correcting the form after reject: %v", err)
			}
			if err := next(t, ref, ""); err != nil {
				t.Fatal(err)
			}
			if !locked(t, ref, form) {
				t.Fatal("the form is not locked after Task_1 ended the second time")
			}
		})

		t.Run("reject abandons the task; the end is a submission", func(t *testing.T) {
			ref, _ := filled(t)
			for _, action := range []string{"", "reject", "", "sign", "sign"} {
				if err := next(t, ref, action); err != nil {
					t.Fatal(err)
				}
				if action == "reject" {
					if ft := get(t, ref).Instance.Process.CurrentTask.FlowType; ft != "AbandonCurrentMoveToNext" {
						t.Errorf("flowType after reject %q, want AbandonCurrentMoveToNext", ft)
					}
				}
			}
			evs, err := store.New(db).ListEvents(ctx, ref.GUID, store.EventFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var types []string
			for _, e := range evs {
				types = append(types, e.EventType)
			}
			want := []string{"Created", "process_StartEvent", "process_StartTask", "Saved",
				"process_EndTask", "process_StartTask", // Task_1 done
				"process_AbandonTask", "process_StartTask", // Task_2 rejected, back to Task_1
				"process_EndTask", "process_StartTask", // Task_1 again
				"process_EndTask", "process_StartTask", // Task_2 signed, on to Task_3
				"process_EndTask", "process_EndEvent", "Submited"} // Task_3 signed: the end
			if !slices.Equal(types, want) {
				t.Errorf("events:\n got %v\nwant %v", types, want)
			}
			h, err := svc.History(ctx, get(t, ref))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(h.ProcessHistory, func(it ProcessHistoryItem) bool {
				return it.EventType == "process_AbandonTask" && it.ElementID == "Task_2" && it.Ended != nil
			}) {
				t.Errorf("the history lacks Task_2's abandonment: %+v", h.ProcessHistory)
			}
		})

		t.Run("validating an ended process says it ended", func(t *testing.T) {
			ref, _ := filled(t)
			for _, action := range []string{"", "sign", "sign"} {
				if err := next(t, ref, action); err != nil {
					t.Fatal(err)
				}
			}
			_, err := svc.Validate(ctx, get(t, ref), "")
			var f *Error
			if !errors.Is(err, ErrConflict) || !errors.As(err, &f) || f.Code != CodeProcessEnded {
				t.Fatalf("validate after the end: %v, want ErrConflict %s", err, CodeProcessEnded)
			}
		})

		t.Run("an instance in the recycle bin does not move on", func(t *testing.T) {
			ref, _ := filled(t)
			if _, err := svc.DeleteInstance(ctx, c, get(t, ref), false); err != nil {
				t.Fatal(err)
			}
			err := next(t, ref, "")
			var f *Error
			if !errors.Is(err, ErrConflict) || !errors.As(err, &f) || f.Code != CodeNotActive {
				t.Fatalf("process/next of a soft-deleted instance: %v, want ErrConflict %s", err, CodeNotActive)
			}
			if task := get(t, ref).CurrentTask(); task != "Task_1" {
				t.Fatalf("the instance moved to %q", task)
			}
		})
	})
}

// TestProcessNextConcurrent: process/next sent several times at once, each
// from its own read of the instance, moves the process once: one call
// succeeds, the others are CodeConcurrent, and the task ends once in the
// audit trail.
func TestProcessNextConcurrent(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		svc, c, st := signingService(t, db, "310000007")
		snap := newSigning(t, svc, c)
		if _, err := svc.PatchData(ctx, c, snap, []ElementPatch{{DataElementID: snap.elements[0].GUID, Patch: mustPatch(t, fillForm)}}, nil, ""); err != nil {
			t.Fatal(err)
		}
		var err error
		ref := Ref{Org: "ttd", App: "signing-test", PartyID: snap.row.PartyID, GUID: snap.row.GUID}
		const n = 4
		reads := make([]*Snapshot, n)
		for i := range reads {
			if reads[i], err = svc.Get(ctx, ref); err != nil {
				t.Fatal(err)
			}
		}
		errs := make([]error, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Go(func() {
				<-start
				_, errs[i] = svc.ProcessNext(ctx, c, reads[i], "", "")
			})
		}
		close(start)
		wg.Wait()
		won := 0
		for i, err := range errs {
			switch {
			case err == nil:
				won++
			case !isConcurrent(err):
				t.Errorf("call %d: %v, want success or %s", i, err, CodeConcurrent)
			}
		}
		evs, err := st.ListEvents(ctx, ref.GUID, store.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		ended := 0
		for _, e := range evs {
			if e.EventType == EventProcessEndTask {
				ended++
			}
		}
		if won != 1 || ended != 1 {
			t.Errorf("%d calls succeeded and the task ended %d times, want 1 and 1", won, ended)
		}
	})
}

// TestPatchDataLockedMeanwhile: a PATCH whose element was locked after the
// instance was read fails with CodeLocked naming the element, and writes
// nothing: not the instance (its version stays) and not an event.
func TestPatchDataLockedMeanwhile(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		svc, c, st := signingService(t, db, "310000007")
		snap := newSigning(t, svc, c)
		el := snap.elements[0]
		if err := st.LockDataElement(ctx, &el, true); err != nil { // after snap was read
			t.Fatal(err)
		}
		before, _ := st.ListEvents(ctx, snap.row.GUID, store.EventFilter{})
		_, err := svc.PatchData(ctx, c, snap, []ElementPatch{{DataElementID: el.GUID, Patch: mustPatch(t, `[{"op":"add","path":"/form","value":{"name":"Test AS"}}]`)}}, nil, "")
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeLocked || !strings.Contains(e.Error(), el.GUID) {
			t.Fatalf("patch of an element locked meanwhile: %v, want %s naming %s", err, CodeLocked, el.GUID)
		}
		row, _ := st.GetInstance(ctx, snap.row.PartyID, snap.row.GUID)
		after, _ := st.ListEvents(ctx, snap.row.GUID, store.EventFilter{})
		if row.Version != 1 || len(after) != len(before) {
			t.Errorf("the refused patch wrote: version %d, %d events (had %d)", row.Version, len(after), len(before))
		}
	})
}
