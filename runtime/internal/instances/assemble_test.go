// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestInstantiateAnswersAsGet: Instantiate builds its answer from the rows it
// wrote instead of reading them back; the snapshot must be the one Get reads —
// document, element rows and the instance row whose version later writes check.
func TestInstantiateAnswersAsGet(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		svc, c, _ := signingService(t, db, "310000003")
		for _, key := range []string{"", "idem-1", "idem-1"} { // the last is a retry, answered by Get
			snap, err := svc.Instantiate(ctx, c, InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: c.PartyID, IdempotencyKey: key})
			if err != nil {
				t.Fatal(err)
			}
			if len(snap.elements) != 1 {
				t.Fatalf("instantiation made %d elements, want 1", len(snap.elements))
			}
			answersAsGet(t, svc, fmt.Sprintf("key %q", key), snap)
		}
		// With data parts there are several elements, answered in Get's order.
		parts := &partList{{Name: "ref-data-as-pdf", Upload: pdfUpload("b.pdf")}, {Name: "ref-data-as-pdf", Upload: pdfUpload("a.pdf")}}
		snap, err := svc.Instantiate(ctx, c, InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: c.PartyID, Parts: parts})
		if err != nil {
			t.Fatal(err)
		}
		if len(snap.elements) != 3 {
			t.Fatalf("instantiation with two parts made %d elements, want 3", len(snap.elements))
		}
		answersAsGet(t, svc, "two parts", snap)
	})
}

// partList yields its parts in order.
type partList []Part

func (l *partList) Next() (*Part, error) {
	if len(*l) == 0 {
		return nil, io.EOF
	}
	p := &(*l)[0]
	*l = (*l)[1:]
	return p, nil
}

func pdfUpload(name string) Upload {
	body := "%PDF-1.4 " + name
	return Upload{ContentType: "application/pdf", Filename: name, Length: int64(len(body)), Body: strings.NewReader(body)}
}

// answersAsGet checks that snap, a write's answer, is the snapshot Get reads:
// document, element rows and the instance row whose version later writes check.
func answersAsGet(t *testing.T, svc *Service, label string, snap *Snapshot) {
	t.Helper()
	got, err := svc.Get(context.Background(), Ref{Org: snap.Release.Org, App: snap.Release.Name, PartyID: snap.row.PartyID, GUID: snap.row.GUID})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []struct {
		what         string
		answer, read any
	}{{"document", snap.Instance, got.Instance}, {"instance row", snap.row, got.row}, {"element rows", snap.elements, got.elements}} {
		a, _ := json.Marshal(v.answer)
		r, _ := json.Marshal(v.read)
		if string(a) != string(r) {
			t.Errorf("%s: %s answered\n%s\nread back\n%s", label, v.what, a, r)
		}
	}
	if snap.Release != got.Release {
		t.Errorf("%s: answered release %s@%s, read %s@%s", label, snap.Release.ID, snap.Release.Version, got.Release.ID, got.Release.Version)
	}
}

// TestPatchAnswersAsGet: PatchData builds the instance it answers with from the
// rows its transaction wrote instead of reading them back; it must be the one
// Get reads afterwards, and the snapshot a later patch starts from must still
// carry the version the store holds.
func TestPatchAnswersAsGet(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		svc, c, _ := signingService(t, db, "310000004")
		snap := newSigning(t, svc, c)
		ref := Ref{Org: "ttd", App: "signing-test", PartyID: snap.row.PartyID, GUID: snap.row.GUID}
		for _, name := range []string{"First AS", "Second AS"} {
			before, err := svc.Get(ctx, ref)
			if err != nil {
				t.Fatal(err)
			}
			p := mustPatch(t, `[{"op":"add","path":"/form","value":{"name":"`+name+`"}}]`)
			res, err := svc.PatchData(ctx, c, before, []ElementPatch{{DataElementID: before.elements[0].GUID, Patch: p}}, nil, "")
			if err != nil {
				t.Fatal(err)
			}
			got, err := svc.Get(ctx, ref)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := json.Marshal(res.Instance)
			r, _ := json.Marshal(got.Instance)
			if string(a) != string(r) {
				t.Errorf("patch %q: answered\n%s\nread back\n%s", name, a, r)
			}
			if before.row.Version != got.row.Version {
				t.Errorf("patch %q: snapshot version %d, store %d", name, before.row.Version, got.row.Version)
			}
		}
	})
}

// TestProcessNextAnswersAsGet: ProcessNext builds its answer from the rows its
// transaction wrote (locked elements, the next task's new ones) instead of
// reading them back; it must be the snapshot Get reads, through to the end.
func TestProcessNextAnswersAsGet(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		svc, c, _ := signingService(t, db, "310000005")
		snap, err := svc.Instantiate(ctx, c, InstantiateRequest{Org: "ttd", App: "signing-test", PartyID: c.PartyID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.PatchData(ctx, c, snap, []ElementPatch{{DataElementID: snap.elements[0].GUID, Patch: mustPatch(t, fillForm)}}, nil, ""); err != nil {
			t.Fatal(err)
		}
		for step := 0; ; step++ {
			if snap, err = svc.Get(ctx, Ref{Org: "ttd", App: "signing-test", PartyID: snap.row.PartyID, GUID: snap.row.GUID}); err != nil {
				t.Fatal(err)
			}
			task := snap.CurrentTask()
			if task == "" {
				if step < 2 {
					t.Fatalf("the process ended after %d steps, want a data and a signing task", step)
				}
				return
			}
			if snap, err = svc.ProcessNext(ctx, c, snap, snap.NextActions()[0], ""); err != nil {
				t.Fatalf("process next from %s: %v", task, err)
			}
			answersAsGet(t, svc, "next from "+task, snap)
		}
	})
}
