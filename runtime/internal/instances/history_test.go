// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestHistoryInWriteOrder: the process history lists the steps in the order they
// were taken even when they share one timestamp (a clock that does not move, as a
// coarse one between the steps of completeProcess), so order cannot come from
// time and event type.
func TestHistoryInWriteOrder(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		blobs, host, party := SetupSigningTest(t, db, "310000007", nil)
		at := time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)
		svc := New(Options{Store: store.New(db), Blobs: blobs, Apps: host, PublicURL: "https://rt.example",
			Now: func() time.Time { return at }})
		c := authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
		snap, err := svc.Instantiate(ctx, c, InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: party.ID})
		if err != nil {
			t.Fatal(err)
		}
		ref := Ref{Org: "ttd", App: "signing-test", PartyID: snap.row.PartyID, GUID: snap.row.GUID}
		var p Patch
		fill := `[{"op":"add","path":"/form","value":{"name":"Test AS","orgNumber":"310000001","year":2024,"income":100}}]`
		if err := json.Unmarshal([]byte(fill), &p); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.PatchData(ctx, c, snap, []ElementPatch{{DataElementID: snap.elements[0].GUID, Patch: p}}, nil, ""); err != nil {
			t.Fatal(err)
		}
		for {
			if snap, err = svc.Get(ctx, ref); err != nil {
				t.Fatal(err)
			}
			if snap.CurrentTask() == "" {
				break
			}
			if _, err = svc.ProcessNext(ctx, c, snap, snap.NextActions()[0], ""); err != nil {
				t.Fatal(err)
			}
		}
		h, err := svc.History(ctx, snap)
		if err != nil {
			t.Fatal(err)
		}
		var steps []string
		for _, it := range h.ProcessHistory {
			steps = append(steps, it.EventType+":"+it.ElementID)
		}
		want := "process_StartEvent:StartEvent_1 process_StartTask:Task_1 process_EndTask:Task_1 process_StartTask:Task_2 " +
			"process_EndTask:Task_2 process_StartTask:Task_3 process_EndTask:Task_3 process_EndEvent:EndEvent_1"
		if got := strings.Join(steps, " "); got != want {
			t.Fatalf("history\n got %s\nwant %s", got, want)
		}
	})
}
