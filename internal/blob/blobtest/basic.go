// SPDX-License-Identifier: MIT

package blobtest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"testing"

	"github.com/blankett/blankett/internal/blob"
)

func testRoundTrip(t *testing.T, s blob.Store) {
	tests := []struct {
		name, key, contentType, wantType string
		size                             int
	}{
		{"empty", "rt/empty", "", "application/octet-stream", 0},
		{"one byte", "rt/one", "text/plain", "text/plain", 1},
		{"xml", "ttd/app/0f8fad5b-d9cb-469f-a165-70867728950e/data/7c9e6679", "application/xml", "application/xml", 4321},
		{"unicode key", "rt/skjema æøå/日本.pdf", "application/pdf", "application/pdf", 1000},
		{"300 KiB", "rt/big", "application/octet-stream", "application/octet-stream", 300 << 10},
	}
	for i, tt := range tests {
		content := data(uint64(i), tt.size)
		info := put(t, s, tt.key, content, blob.PutOptions{ContentType: tt.contentType})
		checkInfo(t, tt.name+": Put", info, tt.key, content, tt.wantType)
		got, ginfo := get(t, s, tt.key, nil)
		if !bytes.Equal(got, content) {
			t.Errorf("%s: Get returned %d bytes, not the %d put", tt.name, len(got), len(content))
		}
		checkInfo(t, tt.name+": Get", ginfo, tt.key, content, tt.wantType)
	}
}

func testOverwrite(t *testing.T, s blob.Store) {
	v1, v2 := data(1, 5000), data(2, 3000)
	put(t, s, "ow/k", v1, blob.PutOptions{ContentType: "text/plain"})
	put(t, s, "ow/k", v2, blob.PutOptions{ContentType: "application/json"})
	got, info := get(t, s, "ow/k", nil)
	if !bytes.Equal(got, v2) {
		t.Fatalf("Get after overwrite returned %d bytes, want the %d of v2", len(got), len(v2))
	}
	checkInfo(t, "Get", info, "ow/k", v2, "application/json")
	st, err := s.Stat(t.Context(), "ow/k")
	if err != nil {
		t.Fatal(err)
	}
	checkInfo(t, "Stat", st, "ow/k", v2, "application/json")
	if k := keys(t, s, "ow/"); !slices.Equal(k, []string{"ow/k"}) {
		t.Fatalf("List = %q, want exactly ow/k", k)
	}
}

// testOverwriteWhileReading checks that a reader never sees a mix of versions
// or an Info that does not describe the bytes it got.
func testOverwriteWhileReading(t *testing.T, s blob.Store) {
	versions := [][]byte{data(10, 20000), data(11, 7000)}
	byHash := map[string][]byte{sum(versions[0]): versions[0], sum(versions[1]): versions[1]}
	put(t, s, "owr/k", versions[0], blob.PutOptions{})
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Go(func() {
		defer close(done)
		for i := range 20 {
			if _, err := s.Put(t.Context(), "owr/k", bytes.NewReader(versions[(i+1)%2]), blob.PutOptions{}); err != nil {
				t.Errorf("Put: %v", err)
				return
			}
		}
	})
	for range 2 {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				got, info, err := readAll(t, s, "owr/k")
				if err != nil {
					t.Errorf("Get during overwrite: %v", err)
					return
				}
				want, ok := byHash[info.SHA256]
				if !ok || !bytes.Equal(got, want) || info.Size != int64(len(got)) {
					t.Errorf("read %d bytes (sha %s) with Info{Size:%d SHA256:%s}: not one consistent version",
						len(got), sum(got), info.Size, info.SHA256)
					return
				}
			}
		})
	}
	wg.Wait()
}

func testMissing(t *testing.T, s blob.Store) {
	put(t, s, "dir/obj", []byte("x"), blob.PutOptions{})
	for _, key := range []string{"nope", "dir", "dir/obj/deeper", "dir/ob"} {
		if _, _, err := s.Get(t.Context(), key, nil); !errors.Is(err, blob.ErrNotFound) {
			t.Errorf("Get(%q) = %v, want ErrNotFound", key, err)
		}
		if _, _, err := s.Get(t.Context(), key, &blob.Range{Offset: 0, Length: 1}); !errors.Is(err, blob.ErrNotFound) {
			t.Errorf("Get(%q, range) = %v, want ErrNotFound", key, err)
		}
		if _, err := s.Stat(t.Context(), key); !errors.Is(err, blob.ErrNotFound) {
			t.Errorf("Stat(%q) = %v, want ErrNotFound", key, err)
		}
	}
}

func testStat(t *testing.T, s blob.Store) {
	content := data(3, 1234)
	pinfo := put(t, s, "st/a", content, blob.PutOptions{ContentType: "image/png"})
	info, err := s.Stat(t.Context(), "st/a")
	if err != nil {
		t.Fatal(err)
	}
	checkInfo(t, "Stat", info, "st/a", content, "image/png")
	if d := info.Modified.Sub(pinfo.Modified).Abs(); d.Seconds() > 5 {
		t.Errorf("Stat Modified %v is %v away from Put's %v", info.Modified, d, pinfo.Modified)
	}
}

func testRange(t *testing.T, s blob.Store) {
	content := data(4, 1000)
	put(t, s, "rg/k", content, blob.PutOptions{ContentType: "text/plain"})
	put(t, s, "rg/empty", nil, blob.PutOptions{})
	tests := []struct {
		key      string
		rng      blob.Range
		from, to int // expected content[from:to]; from < 0 means ErrInvalidRange
	}{
		{"rg/k", blob.Range{Offset: 0, Length: 10}, 0, 10},
		{"rg/k", blob.Range{Offset: 0, Length: -1}, 0, 1000},
		{"rg/k", blob.Range{Offset: 400, Length: 100}, 400, 500},
		{"rg/k", blob.Range{Offset: 900, Length: -1}, 900, 1000},
		{"rg/k", blob.Range{Offset: 999, Length: 1}, 999, 1000},
		{"rg/k", blob.Range{Offset: 990, Length: 10}, 990, 1000},
		{"rg/k", blob.Range{Offset: 1000, Length: -1}, 1000, 1000},
		{"rg/k", blob.Range{Offset: 500, Length: 0}, 500, 500},
		{"rg/k", blob.Range{Offset: 1001, Length: -1}, -1, 0},
		{"rg/k", blob.Range{Offset: 5000, Length: 10}, -1, 0},
		{"rg/k", blob.Range{Offset: 995, Length: 10}, -1, 0},
		{"rg/k", blob.Range{Offset: -1, Length: 5}, -1, 0},
		{"rg/empty", blob.Range{Offset: 0, Length: -1}, 0, 0},
		{"rg/empty", blob.Range{Offset: 0, Length: 0}, 0, 0},
		{"rg/empty", blob.Range{Offset: 1, Length: -1}, -1, 0},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%s %+v", tt.key, tt.rng)
		if tt.from < 0 {
			rc, _, err := s.Get(t.Context(), tt.key, &tt.rng)
			if err == nil {
				rc.Close()
			}
			if !errors.Is(err, blob.ErrInvalidRange) {
				t.Errorf("%s: err = %v, want ErrInvalidRange", name, err)
			}
			continue
		}
		got, info := get(t, s, tt.key, &tt.rng)
		want := content[tt.from:tt.to]
		if tt.key == "rg/empty" {
			want = nil
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: got %d bytes, want content[%d:%d]", name, len(got), tt.from, tt.to)
		}
		if tt.key == "rg/k" {
			checkInfo(t, name, info, tt.key, content, "text/plain") // Info describes the whole object
		}
	}
}

func testDelete(t *testing.T, s blob.Store) {
	put(t, s, "del/a/b", []byte("x"), blob.PutOptions{})
	put(t, s, "del/keep", []byte("y"), blob.PutOptions{})
	for range 2 { // the second time the object is missing
		if err := s.Delete(t.Context(), "del/a/b"); err != nil {
			t.Fatalf("Delete: %v", err)
		}
	}
	if err := s.Delete(t.Context(), "never/existed"); err != nil {
		t.Fatalf("Delete missing: %v", err)
	}
	if _, err := s.Stat(t.Context(), "del/a/b"); !errors.Is(err, blob.ErrNotFound) {
		t.Fatalf("Stat after Delete = %v, want ErrNotFound", err)
	}
	if _, _, err := s.Get(t.Context(), "del/a/b", nil); !errors.Is(err, blob.ErrNotFound) {
		t.Fatalf("Get after Delete = %v, want ErrNotFound", err)
	}
	if k := keys(t, s, ""); !slices.Equal(k, []string{"del/keep"}) {
		t.Fatalf("List after Delete = %q", k)
	}
	// The name of the emptied "directory" is free for an object again.
	put(t, s, "del/a", []byte("z"), blob.PutOptions{})
	if got, _ := get(t, s, "del/a", nil); string(got) != "z" {
		t.Fatalf("Get(del/a) = %q", got)
	}
}

// readAll is get for goroutines other than the test's: it reports instead of failing.
func readAll(t *testing.T, s blob.Store, key string) ([]byte, blob.Info, error) {
	rc, info, err := s.Get(t.Context(), key, nil)
	if err != nil {
		return nil, info, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	return b, info, err
}

// readerFunc adapts a function to io.Reader.
type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

var _ io.Reader = readerFunc(nil)
