// SPDX-License-Identifier: MIT

package sweeper_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/blob/s3blob"
	"github.com/blankett/blankett/internal/testenv/promtest"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/minio/minio-go/v7"
	"github.com/prometheus/client_golang/prometheus"
)

// backends are the blob stores the sweeper is tested on; the first needs no service.
var backends = []struct {
	name string
	open func(t *testing.T) blob.Store
}{
	{"fs", func(t *testing.T) blob.Store {
		s, err := fsblob.New(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}},
	{"gofakes3", func(t *testing.T) blob.Store {
		ts := httptest.NewServer(gofakes3.New(s3mem.New()).Server())
		t.Cleanup(ts.Close)
		return s3Store(t, s3blob.Config{Endpoint: ts.URL, AccessKey: "fake", SecretKey: "fake"})
	}},
	{"versitygw", func(t *testing.T) blob.Store {
		endpoint := os.Getenv("BLANKETT_TEST_S3_ENDPOINT")
		if endpoint == "" {
			t.Skip("BLANKETT_TEST_S3_ENDPOINT not set: real S3 run skipped")
		}
		return s3Store(t, s3blob.Config{Endpoint: endpoint, Region: os.Getenv("BLANKETT_TEST_S3_REGION"),
			AccessKey: os.Getenv("BLANKETT_TEST_S3_ACCESS_KEY"), SecretKey: os.Getenv("BLANKETT_TEST_S3_SECRET_KEY")})
	}},
}

// s3Store opens a store on a new bucket, emptied and removed at cleanup.
func s3Store(t *testing.T, cfg s3blob.Config) blob.Store {
	t.Helper()
	var b [6]byte
	rand.Read(b[:])
	cfg.Bucket, cfg.CreateBucket = "blankett-sweep-"+hex.EncodeToString(b[:]), true
	s, err := s3blob.New(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		c := s.Client()
		for o := range c.ListObjects(ctx, cfg.Bucket, minio.ListObjectsOptions{Recursive: true}) {
			if o.Err == nil {
				_ = c.RemoveObject(ctx, cfg.Bucket, o.Key, minio.RemoveObjectOptions{})
			}
		}
		_ = c.RemoveBucket(ctx, cfg.Bucket)
	})
	return s
}

// checkMetrics compares the gathered counters named in want ("name" or
// `name{label="value"}`) with their expected values.
func checkMetrics(t *testing.T, reg *prometheus.Registry, want map[string]float64) {
	t.Helper()
	got := promtest.Series(t, reg)
	for name, v := range want {
		if got[name] != v {
			t.Errorf("metric %s = %v, want %v (all: %v)", name, got[name], v, got)
		}
	}
}
