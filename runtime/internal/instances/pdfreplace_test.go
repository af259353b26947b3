// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
)

// TestReceiptReplacesEarlierPass: the receipt of a task done again (after a
// reject) replaces the one its earlier pass made, row and blob, with a Deleted
// event; a receipt of another task stays.
func TestReceiptReplacesEarlierPass(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		blobs, host, party := SetupSigningTest(t, db, "310000011", nil)
		st := store.New(db)
		svc := New(Options{Store: st, Blobs: blobs, Apps: host})
		c := authz.Caller{Kind: authz.User, UserID: 1, PartyID: party.ID, AuthLevel: 3}
		snap, err := svc.Instantiate(ctx, c, InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: party.ID})
		if err != nil {
			t.Fatal(err)
		}
		ref := Ref{Org: "ttd", App: "signing-test", PartyID: party.ID, GUID: snap.row.GUID}
		job := func(task string, flow int) PDFJob {
			return PDFJob{Org: "ttd", App: "signing-test", PartyID: party.ID, GUID: snap.row.GUID, TaskID: task, Flow: flow}
		}
		store1 := func(j PDFJob) {
			t.Helper()
			cur, err := svc.Get(ctx, ref)
			if err != nil {
				t.Fatal(err)
			}
			if stored, err := svc.StorePDF(ctx, cur, j, []byte("%PDF-1.7 "+j.ElementID())); err != nil || !stored {
				t.Fatalf("store %s flow %d: %v %v", j.TaskID, j.Flow, stored, err)
			}
		}
		store1(job("Task_1", 1))
		store1(job("Task_2", 2))
		first, _ := svc.Get(ctx, ref)
		firstEl, err := first.Element(job("Task_1", 1).ElementID())
		if err != nil {
			t.Fatal(err)
		}
		store1(job("Task_1", 3)) // Task_1 again, after a reject
		cur, _ := svc.Get(ctx, ref)
		var receipts []string
		for _, e := range cur.elements {
			if e.DataType == PDFDataType {
				receipts = append(receipts, e.GUID)
			}
		}
		want := map[string]bool{job("Task_2", 2).ElementID(): true, job("Task_1", 3).ElementID(): true}
		if len(receipts) != 2 || !want[receipts[0]] || !want[receipts[1]] {
			t.Fatalf("receipts %v, want Task_2's and Task_1's second", receipts)
		}
		if _, _, err := blobs.Get(ctx, first.blobKey(firstEl.ID), nil); err == nil {
			t.Error("the replaced receipt's blob is still there")
		}
		evs, err := st.ListEvents(ctx, snap.row.GUID, store.EventFilter{Types: []string{EventDeleted}})
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 1 || evs[0].DataID != firstEl.ID {
			t.Errorf("Deleted events %+v, want one for %s", evs, firstEl.ID)
		}
	})
}
