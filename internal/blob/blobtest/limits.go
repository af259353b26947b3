// SPDX-License-Identifier: MIT

package blobtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/blob"
)

func testInvalidKeys(t *testing.T, s blob.Store) {
	bad := []string{"", "../escape", "a/../../b", "/abs/path", `back\slash`, `..\..\x`, "a//b", "a/", "./a", "a/.", "nul\x00", "bad\xffutf8", strings.Repeat("k", blob.MaxKeyLen+1)}
	ctx := t.Context()
	for _, key := range bad {
		if _, err := s.Put(ctx, key, strings.NewReader("data"), blob.PutOptions{}); !errors.Is(err, blob.ErrInvalidKey) {
			t.Errorf("Put(%q) = %v, want ErrInvalidKey", key, err)
		}
		if rc, _, err := s.Get(ctx, key, nil); !errors.Is(err, blob.ErrInvalidKey) {
			t.Errorf("Get(%q) = %v, want ErrInvalidKey", key, err)
			if err == nil {
				rc.Close()
			}
		}
		if _, err := s.Stat(ctx, key); !errors.Is(err, blob.ErrInvalidKey) {
			t.Errorf("Stat(%q) = %v, want ErrInvalidKey", key, err)
		}
		if err := s.Delete(ctx, key); !errors.Is(err, blob.ErrInvalidKey) {
			t.Errorf("Delete(%q) = %v, want ErrInvalidKey", key, err)
		}
		if _, err := s.PresignGet(ctx, key, time.Minute); !errors.Is(err, blob.ErrInvalidKey) {
			t.Errorf("PresignGet(%q) = %v, want ErrInvalidKey", key, err)
		}
	}
	for _, prefix := range []string{"/", "/abs", "../", "a/../", `a\`, "a//", "x\x00"} {
		if err := s.List(ctx, prefix, func(blob.Info) error { return nil }); !errors.Is(err, blob.ErrInvalidKey) {
			t.Errorf("List(%q) = %v, want ErrInvalidKey", prefix, err)
		}
	}
	if k := keys(t, s, ""); len(k) != 0 {
		t.Fatalf("invalid keys wrote objects: %q", k)
	}
}

func testMaxSize(t *testing.T, s blob.Store) {
	const limit = 1000
	tests := []struct {
		size    int
		wantErr error
	}{
		{limit - 1, nil},
		{limit, nil},
		{limit + 1, blob.ErrTooLarge},
		{10 * limit, blob.ErrTooLarge},
	}
	for _, tt := range tests {
		key := fmt.Sprintf("max/%d", tt.size)
		content := data(5, tt.size)
		info, err := s.Put(t.Context(), key, bytes.NewReader(content), blob.PutOptions{MaxSize: limit})
		if !errors.Is(err, tt.wantErr) {
			t.Fatalf("Put %d bytes with MaxSize %d: err = %v, want %v", tt.size, limit, err, tt.wantErr)
		}
		if tt.wantErr != nil {
			assertAbsent(t, s, key)
			continue
		}
		checkInfo(t, key, info, key, content, "application/octet-stream")
	}
}

func testMaxSizeKeepsOld(t *testing.T, s blob.Store) {
	old := data(6, 500)
	put(t, s, "mko/k", old, blob.PutOptions{ContentType: "text/plain"})
	_, err := s.Put(t.Context(), "mko/k", bytes.NewReader(data(7, 2000)), blob.PutOptions{MaxSize: 1000, ContentType: "image/png"})
	if !errors.Is(err, blob.ErrTooLarge) {
		t.Fatalf("Put = %v, want ErrTooLarge", err)
	}
	got, info := get(t, s, "mko/k", nil)
	if !bytes.Equal(got, old) {
		t.Fatalf("old object changed by a failed Put")
	}
	checkInfo(t, "Get", info, "mko/k", old, "text/plain")
}

// testMaxSizeEndless feeds a stream that never ends: the limit, not EOF, must
// stop the Put, and no more than MaxSize+1 bytes may be consumed.
func testMaxSizeEndless(t *testing.T, s blob.Store) {
	const limit = 64 << 10
	var read int64
	endless := readerFunc(func(p []byte) (int, error) {
		read += int64(len(p))
		return len(p), nil
	})
	_, err := s.Put(t.Context(), "endless", endless, blob.PutOptions{MaxSize: limit})
	if !errors.Is(err, blob.ErrTooLarge) {
		t.Fatalf("Put endless = %v, want ErrTooLarge", err)
	}
	if read > limit+1 {
		t.Errorf("consumed %d bytes, MaxSize %d allows at most %d", read, limit, limit+1)
	}
	assertAbsent(t, s, "endless")
}

// testLarge crosses S3's 5 MiB minimum part size twice, so backends that switch
// to multipart uploads are exercised on success and on abort.
func testLarge(t *testing.T, s blob.Store) {
	content := data(8, 12<<20+7)
	info := put(t, s, "large/ok", content, blob.PutOptions{MaxSize: 64 << 20})
	checkInfo(t, "Put", info, "large/ok", content, "application/octet-stream")
	got, _ := get(t, s, "large/ok", nil)
	if !bytes.Equal(got, content) {
		t.Fatal("large object corrupted")
	}
	_, err := s.Put(t.Context(), "large/ok", bytes.NewReader(data(9, 12<<20)), blob.PutOptions{MaxSize: 11 << 20})
	if !errors.Is(err, blob.ErrTooLarge) {
		t.Fatalf("Put 12 MiB with MaxSize 11 MiB = %v, want ErrTooLarge", err)
	}
	if info, err := s.Stat(t.Context(), "large/ok"); err != nil || info.SHA256 != sum(content) {
		t.Fatalf("old large object changed by a failed Put: %+v, %v", info, err)
	}
	_, err = s.Put(t.Context(), "large/new", bytes.NewReader(data(9, 12<<20)), blob.PutOptions{MaxSize: 11 << 20})
	if !errors.Is(err, blob.ErrTooLarge) {
		t.Fatalf("Put = %v, want ErrTooLarge", err)
	}
	assertAbsent(t, s, "large/new")
}

var errBoom = errors.New("blobtest: reader broke")

func testFailingReader(t *testing.T, s blob.Store) {
	put(t, s, "fr/old", []byte("old"), blob.PutOptions{})
	for _, key := range []string{"fr/new", "fr/old"} {
		r := io.MultiReader(bytes.NewReader(data(10, 700)), readerFunc(func([]byte) (int, error) { return 0, errBoom }))
		if _, err := s.Put(t.Context(), key, r, blob.PutOptions{}); !errors.Is(err, errBoom) {
			t.Fatalf("Put(%q) with failing reader = %v, want it to wrap the reader's error", key, err)
		}
	}
	assertAbsent(t, s, "fr/new")
	if got, _ := get(t, s, "fr/old", nil); string(got) != "old" {
		t.Fatalf("old object changed by a failed Put: %q", got)
	}
}

func testContextCancelled(t *testing.T, s blob.Store) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := s.Put(ctx, "ctx/before", strings.NewReader("x"), blob.PutOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Put with cancelled ctx = %v, want context.Canceled", err)
	}
	ctx, cancel = context.WithCancel(t.Context())
	defer cancel()
	first := true
	midway := readerFunc(func(p []byte) (int, error) {
		if first {
			first = false
			return copy(p, data(11, 100)), nil
		}
		cancel()
		return copy(p, data(12, 100)), nil
	})
	if _, err := s.Put(ctx, "ctx/midway", midway, blob.PutOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Put cancelled midway = %v, want context.Canceled", err)
	}
	assertAbsent(t, s, "ctx/before")
	assertAbsent(t, s, "ctx/midway")

	// Again past 5 MiB, where S3 backends are in a multipart upload.
	ctx, cancel = context.WithCancel(t.Context())
	defer cancel()
	var sent int
	large := readerFunc(func(p []byte) (int, error) {
		if sent > 7<<20 {
			cancel()
		}
		n := min(len(p), 64<<10)
		sent += n
		return copy(p, make([]byte, n)), nil
	})
	if _, err := s.Put(ctx, "ctx/large", large, blob.PutOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Put cancelled after 7 MiB = %v, want context.Canceled", err)
	}
	assertAbsent(t, s, "ctx/large")
}

func testConcurrent(t *testing.T, s blob.Store) {
	const n = 16
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			key := fmt.Sprintf("conc/%02d", i)
			if _, err := s.Put(t.Context(), key, bytes.NewReader(data(uint64(100+i), 10000+i)), blob.PutOptions{}); err != nil {
				t.Errorf("Put(%q): %v", key, err)
			}
		})
	}
	wg.Wait()
	got := keys(t, s, "conc/")
	if len(got) != n {
		t.Fatalf("List after %d concurrent puts = %d keys", n, len(got))
	}
	for i, key := range got {
		b, info := get(t, s, key, nil)
		checkInfo(t, key, info, fmt.Sprintf("conc/%02d", i), b, "application/octet-stream")
		if !bytes.Equal(b, data(uint64(100+i), 10000+i)) {
			t.Errorf("%s: wrong content", key)
		}
	}
}
