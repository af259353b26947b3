// SPDX-License-Identifier: MIT

package events_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestPublishGolden pins the CloudEvent JSON an app event is stored and delivered
// as, and checks that Publish writes the event row and its outbox message together.
func TestPublishGolden(t *testing.T) {
	db := dbtest.SQLite(t)
	clk := &clock{t: time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)}
	st := newStore(t, db, clk)
	ctx := context.Background()
	p := events.NewPublisher("https://blankett.example.no/")
	p.NewID = func() string { return "0f2b5d2e-8c5e-4d1e-9b9a-6c1c2f1e7a10" }
	in := events.Instance{Org: "ttd", App: "signing-test", PartyID: 50001337, GUID: "8b9a0f5e-8f0b-4c57-9d1c-3a0f6f3f3c11",
		AlternativeSubject: events.AlternativeSubject("", "310000001")}
	at := time.Date(2024, 6, 1, 11, 0, 0, 123456000, time.FixedZone("CEST", 2*3600))
	err := st.Tx(ctx, func(tx *store.Store) error {
		_, err := p.PublishAll(ctx, tx, in, at, nil, events.TypeMovedTo("Task_1"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.ListCloudEvents(ctx, store.CloudEventQuery{Org: "ttd", App: "signing-test", Limit: 10})
	if err != nil || len(list) != 1 {
		t.Fatalf("events = %+v, %v", list, err)
	}
	row := list[0]
	if row.Type != "app.instance.process.movedTo.Task_1" || row.PartyID != 50001337 || row.Subject != "/party/50001337" ||
		row.AlternativeSubject != "/org/310000001" || row.InstanceGUID != in.GUID || !row.Time.Equal(at) {
		t.Errorf("row columns %+v", row)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, []byte(row.Document), "", "  "); err != nil {
		t.Fatal(err)
	}
	pretty.WriteByte('\n')
	golden := filepath.Join("testdata", "cloudevent.golden.json")
	if *update {
		if err := os.WriteFile(golden, pretty.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(pretty.Bytes(), want) {
		t.Errorf("CloudEvent JSON differs from %s:\n%s", golden, pretty.Bytes())
	}
	msgs, err := st.Claim(ctx, 10, "t", time.Minute)
	if err != nil || len(msgs) != 1 || msgs[0].Topic != events.TopicEvent {
		t.Fatalf("outbox = %+v, %v", msgs, err)
	}
	var payload struct{ EventIDs []int64 }
	if err := json.Unmarshal([]byte(msgs[0].Payload), &payload); err != nil || len(payload.EventIDs) != 1 || payload.EventIDs[0] != row.ID {
		t.Fatalf("payload %s, want eventIds [%d]", msgs[0].Payload, row.ID)
	}
}

// TestPublishRollsBack: a change that fails leaves neither event nor message.
func TestPublishRollsBack(t *testing.T) {
	st := newStore(t, dbtest.SQLite(t), &clock{t: time.Now()})
	ctx := context.Background()
	boom := os.ErrClosed
	err := st.Tx(ctx, func(tx *store.Store) error {
		if _, err := events.NewPublisher("http://rt").PublishAll(ctx, tx, events.Instance{Org: "ttd", App: "a", PartyID: 1, GUID: "g"},
			time.Now(), nil, events.TypeInstanceCreated); err != nil {
			return err
		}
		return boom
	})
	if err != boom {
		t.Fatalf("Tx = %v", err)
	}
	if list, _ := st.ListCloudEvents(ctx, store.CloudEventQuery{Org: "ttd", App: "a", Limit: 10}); len(list) != 0 {
		t.Fatalf("event survived the rollback: %+v", list)
	}
	if msgs, _ := st.Claim(ctx, 10, "t", time.Minute); len(msgs) != 0 {
		t.Fatalf("message survived the rollback: %+v", msgs)
	}
}
