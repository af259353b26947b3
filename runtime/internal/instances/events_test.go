// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"encoding/json"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestChangesPublishEvents: instantiation, each process step, the end and a
// substatus change publish their CloudEvents with the change (an idempotent
// retry and a refused step publish nothing), with one outbox message per transaction.
func TestChangesPublishEvents(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		blobs, host, party := SetupSigningTest(t, db, "310000006", nil)
		st := store.New(db)
		var nudges atomic.Int32
		svc := New(Options{Store: st, Blobs: blobs, Apps: host, PublicURL: "https://rt.example/", OnPublish: func() { nudges.Add(1) }})
		c := authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
		var snap *Snapshot
		for range 2 { // the second is an idempotent retry
			var err error
			if snap, err = svc.Instantiate(ctx, c, InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: party.ID, IdempotencyKey: "k"}); err != nil {
				t.Fatal(err)
			}
		}
		ref := Ref{Org: "ttd", App: "signing-test", PartyID: snap.row.PartyID, GUID: snap.row.GUID}
		if _, err := svc.ProcessNext(ctx, c, snap, "", ""); err == nil {
			t.Fatal("process next of empty form data passed validation")
		}
		var p Patch
		fill := `[{"op":"add","path":"/form","value":{"name":"Test AS","orgNumber":"310000001","year":2024,"income":100}}]`
		if err := json.Unmarshal([]byte(fill), &p); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.PatchData(ctx, c, snap, []ElementPatch{{DataElementID: snap.elements[0].GUID, Patch: p}}, nil, ""); err != nil {
			t.Fatal(err)
		}
		for {
			var err error
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
		owner := authz.Caller{Kind: authz.ServiceOwner, Org: "ttd", ClientID: "ttd-client"}
		if _, err := svc.SetSubstatus(ctx, owner, snap, Substatus{Label: "received"}); err != nil {
			t.Fatal(err)
		}

		list, err := st.ListCloudEvents(ctx, store.CloudEventQuery{Org: "ttd", App: "signing-test", Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var types []string
		for _, e := range list {
			types = append(types, e.Type)
			var ev events.Event
			if err := json.Unmarshal([]byte(e.Document), &ev); err != nil {
				t.Fatal(err)
			}
			if ev.Source != "https://rt.example/ttd/signing-test/instances/"+itoa(party.ID)+"/"+ref.GUID ||
				ev.Subject != "/party/"+itoa(party.ID) || ev.AlternativeSubject != "/org/310000006" ||
				ev.ResourceInstance != ref.GUID || ev.Resource != "urn:altinn:resource:app_ttd_signing-test" || ev.Time.Location() != time.UTC {
				t.Errorf("event %s", e.Document)
			}
		}
		want := []string{"app.instance.created", "app.instance.process.movedTo.Task_1", "app.instance.process.movedTo.Task_2",
			"app.instance.process.movedTo.Task_3", "app.instance.process.completed", "app.instance.substatus.changed"}
		if !slices.Equal(types, want) {
			t.Fatalf("events\n%v\nwant\n%v", types, want)
		}
		// One message per transaction: instantiate (created and movedTo.Task_1), three
		// steps, substatus; together they name every event once.
		msgs, err := st.Claim(ctx, 100, "t", time.Minute, events.TopicEvent)
		if err != nil || len(msgs) != 5 {
			t.Fatalf("%d event messages, want 5 (%v)", len(msgs), err)
		}
		named := 0
		for _, m := range msgs {
			var p struct{ EventIDs []int64 }
			if err := json.Unmarshal([]byte(m.Payload), &p); err != nil {
				t.Fatal(err)
			}
			named += len(p.EventIDs)
		}
		if named != len(want) {
			t.Errorf("the messages name %d events, want %d", named, len(want))
		}
		if n := nudges.Load(); n != 5 { // instantiate, three steps, substatus
			t.Errorf("%d nudges, want 5", n)
		}
	})
}
