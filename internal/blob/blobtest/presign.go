// SPDX-License-Identifier: MIT

package blobtest

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/blob"
)

func testPresign(t *testing.T, s blob.Store) {
	content := data(13, 4096)
	put(t, s, "ps/k", content, blob.PutOptions{ContentType: "text/plain"})
	u, err := s.PresignGet(t.Context(), "ps/k", 5*time.Minute)
	if errors.Is(err, blob.ErrNotSupported) {
		// The contract allows this outcome; any other error fails below.
		t.Logf("presign: %v (allowed)", err)
		return
	}
	if err != nil {
		t.Fatalf("PresignGet: %v", err)
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close() // an unclosed body hangs httptest.Server.Close
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got, content) {
		t.Fatalf("presigned GET: status %d, %d bytes, want 200 and the %d bytes put", resp.StatusCode, len(got), len(content))
	}
}

func testPing(t *testing.T, s blob.Store) {
	if err := s.Ping(t.Context()); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	if k := keys(t, s, ""); len(k) != 0 {
		t.Fatalf("Ping left objects behind: %q", k)
	}
}
