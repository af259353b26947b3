// SPDX-License-Identifier: MIT

package blobtest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/blankett/blankett/internal/blob"
)

// Run runs the conformance suite. newStore must return a new empty store each
// time; it is called once per subtest, and subtests run in parallel.
func Run(t *testing.T, newStore func(t *testing.T) blob.Store) {
	t.Helper()
	cases := []struct {
		name string
		fn   func(*testing.T, blob.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Overwrite", testOverwrite},
		{"OverwriteWhileReading", testOverwriteWhileReading},
		{"Missing", testMissing},
		{"Stat", testStat},
		{"Range", testRange},
		{"Delete", testDelete},
		{"List", testList},
		{"ListStops", testListStops},
		{"InvalidKeys", testInvalidKeys},
		{"MaxSize", testMaxSize},
		{"MaxSizeKeepsOld", testMaxSizeKeepsOld},
		{"MaxSizeEndless", testMaxSizeEndless},
		{"Large", testLarge},
		{"FailingReader", testFailingReader},
		{"ContextCancelled", testContextCancelled},
		{"Concurrent", testConcurrent},
		{"Presign", testPresign},
		{"Ping", testPing},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.fn(t, newStore(t))
		})
	}
}

// data returns n deterministic pseudo-random bytes; seed tells versions apart.
func data(seed uint64, n int) []byte {
	b := make([]byte, n)
	r := rand.NewChaCha8([32]byte{byte(seed), byte(seed >> 8)})
	r.Read(b)
	return b
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func put(t *testing.T, s blob.Store, key string, b []byte, opts blob.PutOptions) blob.Info {
	t.Helper()
	info, err := s.Put(t.Context(), key, bytes.NewReader(b), opts)
	if err != nil {
		t.Fatalf("Put(%q, %d bytes): %v", key, len(b), err)
	}
	return info
}

// get reads the object (or range) fully and closes it.
func get(t *testing.T, s blob.Store, key string, rng *blob.Range) ([]byte, blob.Info) {
	t.Helper()
	rc, info, err := s.Get(t.Context(), key, rng)
	if err != nil {
		t.Fatalf("Get(%q, %+v): %v", key, rng, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("Get(%q): read: %v", key, err)
	}
	return b, info
}

// checkInfo compares the fields a store must get exactly right.
func checkInfo(t *testing.T, what string, got blob.Info, key string, content []byte, contentType string) {
	t.Helper()
	if got.Key != key || got.Size != int64(len(content)) || got.SHA256 != sum(content) || got.ContentType != contentType {
		t.Errorf("%s: Info = {Key:%q Size:%d SHA256:%s ContentType:%q}, want {%q %d %s %q}",
			what, got.Key, got.Size, got.SHA256, got.ContentType, key, len(content), sum(content), contentType)
	}
	if got.Modified.IsZero() {
		t.Errorf("%s: Info.Modified is zero", what)
	}
}

// assertAbsent checks that key is not stored and not listed.
func assertAbsent(t *testing.T, s blob.Store, key string) {
	t.Helper()
	if _, err := s.Stat(t.Context(), key); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Stat(%q) after failed put = %v, want ErrNotFound", key, err)
	}
	for _, k := range keys(t, s, "") {
		if k == key {
			t.Errorf("List shows %q after failed put", key)
		}
	}
}

// keys lists the keys under prefix.
func keys(t *testing.T, s blob.Store, prefix string) []string {
	t.Helper()
	var out []string
	err := s.List(t.Context(), prefix, func(i blob.Info) error {
		out = append(out, i.Key)
		return nil
	})
	if err != nil {
		t.Fatalf("List(%q): %v", prefix, err)
	}
	return out
}
