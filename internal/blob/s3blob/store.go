// SPDX-License-Identifier: MIT

package s3blob

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/blankett/blankett/internal/blob"
)

const (
	// stagingPrefix holds large uploads until they are complete, see package doc.
	stagingPrefix = ".blankett-staging/"
	// metaSHA256 is the user metadata key (x-amz-meta-sha256) of the digest.
	metaSHA256 = "Sha256"

	defaultPartSize = 16 << 20
	minPartSize     = 5 << 20 // S3's minimum for all but the last part
	maxPresign      = 7 * 24 * time.Hour
)

// Config locates the bucket.
type Config struct {
	// Endpoint is the server URL with scheme, e.g. http://127.0.0.1:7070.
	Endpoint  string
	Bucket    string
	AccessKey string
	SecretKey string
	// Region defaults to us-east-1.
	Region string
	// CreateBucket creates the bucket in New if it does not exist (dev and tests).
	CreateBucket bool
	// PartSize is the multipart part size and the largest object sent in one PUT;
	// 0 means 16 MiB, the minimum is 5 MiB. A Put holds one part in memory, two
	// above PartSize (ours plus minio-go's upload buffer), so memory use is about
	// concurrent uploads × 2 × PartSize at worst.
	PartSize int64
}

// Store is a blob.Store on an S3 bucket.
type Store struct {
	client   *minio.Client
	core     minio.Core
	bucket   string
	partSize int64
}

var _ blob.Store = (*Store)(nil)

// New connects to the server and checks the bucket, creating it if cfg asks.
func New(ctx context.Context, cfg Config) (*Store, error) {
	u, err := url.Parse(cfg.Endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("s3blob: endpoint %q: want an http(s) URL", cfg.Endpoint)
	}
	if cfg.Bucket == "" {
		return nil, errors.New("s3blob: no bucket configured")
	}
	if cfg.Region == "" {
		cfg.Region = "us-east-1"
	}
	switch {
	case cfg.PartSize == 0:
		cfg.PartSize = defaultPartSize
	case cfg.PartSize < minPartSize:
		return nil, fmt.Errorf("s3blob: part size %d below the S3 minimum %d", cfg.PartSize, minPartSize)
	}
	client, err := minio.New(u.Host, &minio.Options{
		Creds:        credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, ""),
		Secure:       u.Scheme == "https",
		Region:       cfg.Region,
		BucketLookup: minio.BucketLookupPath,
	})
	if err != nil {
		return nil, fmt.Errorf("s3blob: client for %s: %w", cfg.Endpoint, err)
	}
	s := &Store{client: client, core: minio.Core{Client: client}, bucket: cfg.Bucket, partSize: cfg.PartSize}
	exists, err := client.BucketExists(ctx, cfg.Bucket)
	if err != nil {
		return nil, fmt.Errorf("s3blob: bucket %s: %w", cfg.Bucket, err)
	}
	if !exists {
		if !cfg.CreateBucket {
			return nil, fmt.Errorf("s3blob: bucket %s does not exist", cfg.Bucket)
		}
		err := client.MakeBucket(ctx, cfg.Bucket, minio.MakeBucketOptions{Region: cfg.Region})
		if code := minio.ToErrorResponse(err).Code; err != nil && code != "BucketAlreadyOwnedByYou" {
			return nil, fmt.Errorf("s3blob: create bucket %s: %w", cfg.Bucket, err)
		}
	}
	return s, nil
}

// Client returns the underlying minio client, for tests and operator tooling.
func (s *Store) Client() *minio.Client { return s.client }

// Delete removes the object; a missing object is not an error.
func (s *Store) Delete(ctx context.Context, key string) error {
	if err := checkKey(key); err != nil {
		return fmt.Errorf("s3blob: delete: %w", err)
	}
	err := s.client.RemoveObject(ctx, s.bucket, key, minio.RemoveObjectOptions{})
	if err != nil && !errors.Is(mapErr(err), blob.ErrNotFound) {
		return fmt.Errorf("s3blob: delete %s: %w", key, mapErr(err))
	}
	return nil
}

// PresignGet returns a URL that fetches the object without credentials until
// expiry (at most 7 days, S3's limit).
func (s *Store) PresignGet(ctx context.Context, key string, expiry time.Duration) (string, error) {
	if err := checkKey(key); err != nil {
		return "", fmt.Errorf("s3blob: presign: %w", err)
	}
	expiry = min(max(expiry, time.Second), maxPresign)
	u, err := s.client.PresignedGetObject(ctx, s.bucket, key, expiry, nil)
	if err != nil {
		return "", fmt.Errorf("s3blob: presign %s: %w", key, err)
	}
	return u.String(), nil
}

// Ping checks that the bucket is reachable with our credentials.
func (s *Store) Ping(ctx context.Context) error {
	ok, err := s.client.BucketExists(ctx, s.bucket)
	if err != nil {
		return fmt.Errorf("s3blob: ping: %w", err)
	}
	if !ok {
		return fmt.Errorf("s3blob: ping: bucket %s is gone", s.bucket)
	}
	return nil
}

// checkKey applies blob.ValidKey and keeps callers out of the staging area.
func checkKey(key string) error {
	if err := blob.ValidKey(key); err != nil {
		return err
	}
	if strings.HasPrefix(key, stagingPrefix) {
		return fmt.Errorf("key %q is in the reserved staging area: %w", key, blob.ErrInvalidKey)
	}
	return nil
}

// mapErr turns S3 error responses into blob sentinels where one applies.
func mapErr(err error) error {
	r := minio.ToErrorResponse(err)
	switch {
	case r.Code == "NoSuchKey", r.StatusCode == http.StatusNotFound && r.Code != "NoSuchBucket":
		return fmt.Errorf("%w: %w", blob.ErrNotFound, err)
	case r.Code == "InvalidRange", r.StatusCode == http.StatusRequestedRangeNotSatisfiable:
		return fmt.Errorf("%w: %w", blob.ErrInvalidRange, err)
	}
	return err
}
