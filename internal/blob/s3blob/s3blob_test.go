// SPDX-License-Identifier: MIT

package s3blob_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/minio/minio-go/v7"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/blob/blobtest"
	"github.com/blankett/blankett/internal/blob/s3blob"
)

// testPartSize is S3's minimum, so blobtest's 12 MiB objects take the staged
// multipart path.
const testPartSize = 5 << 20

// server starts one way of getting an S3 endpoint.
type server func(t testing.TB) s3blob.Config

// fake serves gofakes3 with the in-memory backend: always available, no network.
// Relaxed against a real server: gofakes3 does not check signatures (so presigned
// URLs are not really tested), answers ListMultipartUploads with NoSuchUpload for
// a bucket that never had one (treated as "none"), and needs decodeChunkedParts.
func fake(t testing.TB) s3blob.Config {
	ts := httptest.NewServer(decodeChunkedParts(gofakes3.New(s3mem.New()).Server()))
	t.Cleanup(ts.Close)
	return s3blob.Config{Endpoint: ts.URL, AccessKey: "fake", SecretKey: "fake", Region: "us-east-1"}
}

// real uses the S3 server named by BLANKETT_TEST_S3_ENDPOINT (versitygw in CI).
func real(t testing.TB) s3blob.Config {
	endpoint := os.Getenv("BLANKETT_TEST_S3_ENDPOINT")
	if endpoint == "" {
		t.Skip("BLANKETT_TEST_S3_ENDPOINT not set: real S3 suite skipped")
	}
	region := os.Getenv("BLANKETT_TEST_S3_REGION")
	if region == "" {
		region = "us-east-1"
	}
	return s3blob.Config{
		Endpoint:  endpoint,
		AccessKey: os.Getenv("BLANKETT_TEST_S3_ACCESS_KEY"),
		SecretKey: os.Getenv("BLANKETT_TEST_S3_SECRET_KEY"),
		Region:    region,
	}
}

var servers = []struct {
	name  string
	start server
}{{"gofakes3", fake}, {"real-s3", real}}

// newStore creates a store on a fresh bucket and, when the test ends, checks
// that nothing was left behind outside the visible objects (staging objects,
// open multipart uploads), then removes the bucket.
func newStore(t testing.TB, start server) (*s3blob.Store, string) {
	t.Helper()
	cfg := start(t)
	var b [6]byte
	rand.Read(b[:])
	cfg.Bucket = "blankett-test-" + hex.EncodeToString(b[:])
	cfg.CreateBucket = true
	cfg.PartSize = testPartSize
	s, err := s3blob.New(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { drain(t, s.Client(), cfg.Bucket) })
	return s, cfg.Bucket
}

func drain(t testing.TB, c *minio.Client, bucket string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // t.Context is done in Cleanup
	defer cancel()
	for u := range c.ListIncompleteUploads(ctx, bucket, "", true) {
		if u.Err != nil {
			// gofakes3 answers NoSuchUpload for a bucket that never had one.
			if minio.ToErrorResponse(u.Err).Code != "NoSuchUpload" {
				t.Errorf("list incomplete uploads: %v", u.Err)
			}
			break
		}
		t.Errorf("multipart upload left open: %s", u.Key)
		c.RemoveIncompleteUpload(ctx, bucket, u.Key)
	}
	for o := range c.ListObjects(ctx, bucket, minio.ListObjectsOptions{Recursive: true}) {
		if o.Err != nil {
			t.Errorf("list: %v", o.Err)
			break
		}
		if strings.HasPrefix(o.Key, ".blankett-staging/") {
			t.Errorf("staging object left behind: %s", o.Key)
		}
		if err := c.RemoveObject(ctx, bucket, o.Key, minio.RemoveObjectOptions{}); err != nil {
			t.Errorf("remove %s: %v", o.Key, err)
		}
	}
	if err := c.RemoveBucket(ctx, bucket); err != nil {
		t.Errorf("remove bucket %s: %v", bucket, err)
	}
}

func TestConformance(t *testing.T) {
	for _, srv := range servers {
		t.Run(srv.name, func(t *testing.T) {
			t.Parallel()
			blobtest.Run(t, func(t *testing.T) blob.Store {
				s, _ := newStore(t, srv.start)
				return s
			})
		})
	}
}

// TestAbortLeavesNothing checks directly that an upload stopped midway by the
// size limit leaves no open multipart upload, on top of drain's check.
func TestAbortLeavesNothing(t *testing.T) {
	for _, srv := range servers {
		t.Run(srv.name, func(t *testing.T) {
			t.Parallel()
			s, bucket := newStore(t, srv.start)
			big := bytes.Repeat([]byte("x"), 3*testPartSize)
			_, err := s.Put(t.Context(), "abort/k", bytes.NewReader(big), blob.PutOptions{MaxSize: 2*testPartSize + 1})
			if !errors.Is(err, blob.ErrTooLarge) {
				t.Fatalf("Put = %v, want ErrTooLarge", err)
			}
			for u := range s.Client().ListIncompleteUploads(t.Context(), bucket, "", true) {
				if u.Err != nil && minio.ToErrorResponse(u.Err).Code != "NoSuchUpload" {
					t.Fatalf("list incomplete uploads: %v", u.Err)
				}
				if u.Err == nil {
					t.Errorf("multipart upload left open: %s %s", u.Key, u.UploadID)
				}
			}
			for o := range s.Client().ListObjects(t.Context(), bucket, minio.ListObjectsOptions{Recursive: true}) {
				t.Errorf("object left behind: %s %v", o.Key, o.Err)
			}
		})
	}
}

func TestStagingAreaReserved(t *testing.T) {
	t.Parallel()
	s, _ := newStore(t, fake)
	_, err := s.Put(t.Context(), ".blankett-staging/x", strings.NewReader("x"), blob.PutOptions{})
	if !errors.Is(err, blob.ErrInvalidKey) {
		t.Fatalf("Put into staging area = %v, want ErrInvalidKey", err)
	}
}

func TestNewConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cfg  s3blob.Config
	}{
		{"no scheme", s3blob.Config{Endpoint: "127.0.0.1:7070", Bucket: "b"}},
		{"ftp", s3blob.Config{Endpoint: "ftp://127.0.0.1", Bucket: "b"}},
		{"no bucket", s3blob.Config{Endpoint: "http://127.0.0.1:1"}},
		{"small parts", s3blob.Config{Endpoint: "http://127.0.0.1:1", Bucket: "b", PartSize: 1 << 20}},
	}
	for _, tt := range tests {
		if _, err := s3blob.New(t.Context(), tt.cfg); err == nil {
			t.Errorf("%s: New accepted %+v", tt.name, tt.cfg)
		}
	}
	cfg := fake(t)
	cfg.Bucket = "missing"
	if _, err := s3blob.New(t.Context(), cfg); err == nil {
		t.Error("New accepted a missing bucket without CreateBucket")
	}
}

func BenchmarkS3(b *testing.B) {
	s, _ := newStore(b, real)
	for _, op := range []struct {
		name string
		fn   func(*testing.B, blob.Store, int)
	}{{"put", blobtest.BenchPut}, {"get", blobtest.BenchGet}} {
		b.Run(op.name, func(b *testing.B) {
			for _, size := range []struct {
				name string
				n    int
			}{{"1MiB", 1 << 20}, {"50MiB", 50 << 20}} {
				b.Run(size.name, func(b *testing.B) { op.fn(b, s, size.n) })
			}
		})
	}
}

// TestAbortFallback makes the server refuse minio-go's own abort of a failed
// multipart upload once: Put must notice the open upload and abort it itself.
func TestAbortFallback(t *testing.T) {
	t.Parallel()
	var refused atomic.Int32
	h := decodeChunkedParts(gofakes3.New(s3mem.New()).Server())
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodDelete && r.URL.Query().Has("uploadId") && refused.Add(1) == 1 {
			http.Error(w, "<Error><Code>AccessDenied</Code></Error>", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	s, bucket := newStore(t, func(testing.TB) s3blob.Config {
		return s3blob.Config{Endpoint: ts.URL, AccessKey: "fake", SecretKey: "fake"}
	})
	big := bytes.Repeat([]byte("y"), 3*testPartSize)
	_, err := s.Put(t.Context(), "fallback/k", bytes.NewReader(big), blob.PutOptions{MaxSize: 2 * testPartSize})
	if !errors.Is(err, blob.ErrTooLarge) {
		t.Fatalf("Put = %v, want ErrTooLarge", err)
	}
	if refused.Load() < 2 {
		t.Fatalf("abort attempts = %d, want the refused one and ours", refused.Load())
	}
	for u := range s.Client().ListIncompleteUploads(t.Context(), bucket, "", true) {
		if u.Err == nil {
			t.Errorf("multipart upload left open: %s", u.Key)
		}
	}
}
