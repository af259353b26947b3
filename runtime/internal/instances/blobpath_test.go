// SPDX-License-Identifier: MIT

package instances

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestBlobStoragePath checks that the documents show Altinn's blobStoragePath
// whatever key holds the content (the shared empty form, a patched or a
// replaced version), that reads and clean-ups use the row's key, and that
// saves go into the app's folder of the month: no folder per instance.
func TestBlobStoragePath(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		at := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
		svc, c := signingWith(t, db, "310000006", Options{Now: func() time.Time { return at }})
		blobs := svc.blobs
		snap := newSigning(t, svc, c)
		var err error
		ref := Ref{Org: "ttd", App: "signing-test", PartyID: c.PartyID, GUID: snap.row.GUID}
		form := snap.Instance.Data[0].ID
		altinn := "ttd/signing-test/" + snap.row.GUID + "/data/" + form
		check := func(step string, snap *Snapshot, want string) {
			t.Helper()
			if d, err := snap.Element(form); err != nil || d.BlobStoragePath != altinn {
				t.Errorf("%s: blobStoragePath %q (%v), want %q", step, d.BlobStoragePath, err, altinn)
			}
			if key := snap.blobKey(form); !strings.HasPrefix(key, want) {
				t.Errorf("%s: content at %q, want a key starting %q", step, key, want)
			}
		}
		check("instantiated", snap, "ttd/signing-test/shared/")
		shared := snap.blobKey(form)

		p := mustPatch(t, `[{"op":"add","path":"/form","value":{"name":"Patched AS"}}]`)
		if _, err := svc.PatchData(ctx, c, snap, []ElementPatch{{DataElementID: form, Patch: p}}, nil, ""); err != nil {
			t.Fatal(err)
		}
		month := "ttd/signing-test/data/2026-11/" + snap.row.GUID + "." + form + "."
		if snap, err = svc.Get(ctx, ref); err != nil {
			t.Fatal(err)
		}
		check("patched", snap, month)
		patched := snap.blobKey(form)

		at = at.AddDate(0, 1, 0)
		xml := `<?xml version="1.0"?><data><form><name>Replaced AS</name></form></data>`
		if _, err := svc.ReplaceData(ctx, c, snap, form, Upload{ContentType: "application/xml", Length: -1, Body: strings.NewReader(xml)}); err != nil {
			t.Fatal(err)
		}
		if snap, err = svc.Get(ctx, ref); err != nil {
			t.Fatal(err)
		}
		check("replaced a month later", snap, "ttd/signing-test/data/2026-12/"+snap.row.GUID+"."+form+".")
		content, err := svc.ReadData(ctx, snap, form, false)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(content.Body)
		content.Body.Close()
		if !bytes.Contains(got, []byte("Replaced AS")) {
			t.Errorf("read %q, want the replaced content", got)
		}
		if _, err := blobs.Stat(ctx, patched); err == nil {
			t.Errorf("the patched version %s is still stored after the replace", patched)
		}
		if _, err := blobs.Stat(ctx, shared); err != nil {
			t.Errorf("the shared empty form %s: %v", shared, err)
		}
		// A document written by an earlier version holds the key.
		if err := db.Gorm.Exec("UPDATE data_elements SET document = ? WHERE guid = ?",
			`{"id":"`+form+`","blobStoragePath":"`+snap.blobKey(form)+`"}`, form).Error; err != nil {
			t.Fatal(err)
		}
		if snap, err = svc.Get(ctx, ref); err != nil {
			t.Fatal(err)
		}
		check("an older document", snap, "ttd/signing-test/data/2026-12/")

		if err := blobs.List(ctx, "ttd/signing-test/"+snap.row.GUID, func(i blob.Info) error {
			t.Errorf("%s is stored under a folder of the instance", i.Key)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	})
}
