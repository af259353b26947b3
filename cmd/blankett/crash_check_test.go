// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/runtime/client"
	"github.com/google/uuid"
)

// crashRefs is what the database says is stored: blob key → data-element row.
type crashRefs map[string]crashElement

// crashElement is the part of a data_elements row the checks read (runtime/
// internal/store is not importable from cmd).
type crashElement struct {
	GUID, InstanceGUID, DataType, BlobKey, SHA256 string
	Size                                          int64
}

type crashInstance struct {
	GUID           string
	PartyID        int64
	IdempotencyKey *string
	Document       string
}

// checkCrashState checks, with the server stopped, that there is one instance
// per idempotency key and it has ended, that every instance acknowledged before
// the crash is the one stored, and that every data-element row has its blob,
// whose bytes match the row's size and SHA-256 and hold that submission's data.
func checkCrashState(t *testing.T, e *crashEnv, l *crashLoad, acked []string) crashRefs {
	t.Helper()
	ctx := context.Background()
	db, err := dbx.Open(ctx, e.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ins []crashInstance
	if err := db.Gorm.Table("instances").Where("app_id = ?", "ttd/skjema").Find(&ins).Error; err != nil {
		t.Fatal(err)
	}
	var els []crashElement
	if err := db.Gorm.Table("data_elements").Find(&els).Error; err != nil {
		t.Fatal(err)
	}
	byKey := map[string]crashInstance{}
	for _, in := range ins {
		if in.IdempotencyKey == nil {
			t.Errorf("instance %s has no idempotency key: made by no submission", in.GUID)
			continue
		}
		if prev, dup := byKey[*in.IdempotencyKey]; dup {
			t.Errorf("key %s: two instances, %s and %s", *in.IdempotencyKey, prev.GUID, in.GUID)
		}
		byKey[*in.IdempotencyKey] = in
	}
	perInstance := map[string][]crashElement{}
	for _, el := range els {
		perInstance[el.InstanceGUID] = append(perInstance[el.InstanceGUID], el)
	}
	blobs := openCrashBlobs(t, e)
	refs := crashRefs{}
	for i := range l.subs {
		in, ok := byKey[l.key(i)]
		if !ok {
			t.Errorf("submission %d (acknowledged) has no instance", i)
			continue
		}
		id := strconv.FormatInt(in.PartyID, 10) + "/" + in.GUID
		if acked[i] != "" && acked[i] != id {
			t.Errorf("submission %d was acknowledged as %s before the crash, stored as %s", i, acked[i], id)
		}
		var doc struct{ Process struct{ Ended *time.Time } }
		if err := json.Unmarshal([]byte(in.Document), &doc); err != nil || doc.Process.Ended == nil {
			t.Errorf("instance %s of submission %d has not ended (%v)", id, i, err)
		}
		got := perInstance[in.GUID]
		if len(got) != 1 || got[0].DataType != "model" {
			t.Errorf("instance %s has data elements %+v, want one of type model", id, got)
			continue
		}
		checkBlob(t, blobs, got[0], "<name>"+l.name(i)+"</name>")
	}
	for _, el := range els {
		refs[el.BlobKey] = el
	}
	if len(ins) != len(l.subs) || len(els) != len(l.subs) {
		t.Errorf("%d instances and %d data elements stored for %d submissions", len(ins), len(els), len(l.subs))
	}
	return refs
}

// checkBlob reads el's blob and compares it with the row.
func checkBlob(t *testing.T, blobs blob.Store, el crashElement, want string) {
	t.Helper()
	rc, info, err := blobs.Get(context.Background(), el.BlobKey, nil)
	if err != nil {
		t.Errorf("data element %s: row without its blob: %v", el.GUID, err)
		return
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	if hex.EncodeToString(sum[:]) != el.SHA256 || int64(len(b)) != el.Size || info.SHA256 != el.SHA256 {
		t.Errorf("data element %s: blob has %d bytes, sha256 %x (stored as %s), row says %d bytes, %s",
			el.GUID, len(b), sum, info.SHA256, el.Size, el.SHA256)
	}
	if !strings.Contains(string(b), want) {
		t.Errorf("data element %s does not hold its submission's data %s: %.200s", el.GUID, want, b)
	}
}

// checkSweep plants orphans beside the crash's, starts the runtime with a
// sweeper that runs at once, and checks that exactly the orphans went, that
// the service owner sees every submission through the pull API (runtime/client),
// and that every row still has its blob.
func checkSweep(t *testing.T, e *crashEnv, l *crashLoad, refs crashRefs) {
	t.Helper()
	blobs := openCrashBlobs(t, e)
	planted := []string{"ttd/skjema/" + uuid.NewString() + "/data/" + uuid.NewString(),
		"ttd/gone/" + uuid.NewString() + "/data/" + uuid.NewString() + ".0123456789ab"}
	foreign := []string{"ttd/skjema/notes.txt"}
	for _, k := range append(slices.Clone(planted), foreign...) {
		if _, err := blobs.Put(context.Background(), k, strings.NewReader("x"), blob.PutOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	var want []string // what must be left: every referenced blob and the foreign ones
	orphans := 0
	for _, k := range crashKeys(t, blobs) {
		_, ref := refs[k]
		switch {
		case ref:
			want = append(want, k)
		case slices.Contains(foreign, k), sharedKey.MatchString(k):
			// Foreign objects and the shared empty form data new instances
			// point at are not data element blobs: never swept.
			want = append(want, k)
		default:
			orphans++
		}
	}
	t.Logf("%d orphans before the sweep (%d planted, %d left by the crash)", orphans, len(planted), orphans-len(planted))

	started := time.Now()
	s := e.start(t, "--blob-sweep-interval", "200ms", "--blob-sweep-grace", "1ms")
	for deadline := time.Now().Add(30 * time.Second); metric(t, s, `blankett_blob_sweeper_runs_total{result="ok"}`) < 1; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no sweep within 30s; logs:\n%s", s.logs)
		}
	}
	if got := metric(t, s, "blankett_blob_sweeper_removed_total"); got != float64(orphans) {
		t.Errorf("sweeper removed %v blobs, want the %d orphans", got, orphans)
	}
	t.Logf("sweep done %s after start", time.Since(started).Round(time.Millisecond))
	checkPullAPI(t, e, l, refs)
	if err := s.stop(t); err != nil {
		t.Fatalf("stop: %v\n%s", err, s.logs)
	}
	slices.Sort(want)
	if got := crashKeys(t, blobs); !slices.Equal(got, want) {
		t.Errorf("after the sweep %d blobs are left, want %d (the referenced and foreign ones)", len(got), len(want))
	}
}

// checkPullAPI lists the app's instances as the service owner with the Go SDK:
// every submission, ended, with the data element the database holds.
func checkPullAPI(t *testing.T, e *crashEnv, l *crashLoad, refs crashRefs) {
	t.Helper()
	keyFile := registerServiceOwner(t, &localRuntime{Database: e.dsn}, "ttd-crash", "ttd")
	pemKey, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	key, err := client.ParsePrivateKeyPEM(pemKey)
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New("http://"+e.addr, client.WithClientKey("ttd-crash", key))
	if err != nil {
		t.Fatal(err)
	}
	hashes := map[string]string{}
	for _, el := range refs {
		hashes[el.GUID] = el.SHA256
	}
	n := 0
	for in, err := range c.Instances(context.Background(), client.Query{AppID: "ttd/skjema"}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if in.Process.Ended == nil || len(in.Data) != 1 || hashes[in.Data[0].ID] != in.Data[0].ContentHash {
			t.Errorf("pull API: instance %s: ended %v, data %+v", in.ID, in.Process.Ended, in.Data)
		}
	}
	if n != len(l.subs) {
		t.Errorf("pull API lists %d instances, want %d", n, len(l.subs))
	}
}

func openCrashBlobs(t *testing.T, e *crashEnv) blob.Store {
	t.Helper()
	s, err := fsblob.New(filepath.Join(e.dir, "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// sharedKey matches the content-addressed key of the empty form data every new
// instance's auto-created element points at until its first save.
var sharedKey = regexp.MustCompile(`^[^/]+/[^/]+/shared/[0-9a-f]{64}$`)

func crashKeys(t *testing.T, s blob.Store) []string {
	t.Helper()
	seen := map[string]bool{}
	if err := s.List(context.Background(), "", func(i blob.Info) error { seen[i.Key] = true; return nil }); err != nil {
		t.Fatal(err)
	}
	return slices.Sorted(maps.Keys(seen))
}
