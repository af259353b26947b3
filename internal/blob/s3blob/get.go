// SPDX-License-Identifier: MIT

package s3blob

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/minio/minio-go/v7"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/blob/internal/stream"
)

// Get opens the object, or the part selected by rng, with one GET. The Info comes
// from the same response as the bytes, so it always describes them.
func (s *Store) Get(ctx context.Context, key string, rng *blob.Range) (io.ReadCloser, blob.Info, error) {
	if err := checkKey(key); err != nil {
		return nil, blob.Info{}, fmt.Errorf("s3blob: get: %w", err)
	}
	rc, info, err := s.get(ctx, key, rng)
	if err != nil {
		return nil, blob.Info{}, fmt.Errorf("s3blob: get %s: %w", key, err)
	}
	return rc, info, nil
}

func (s *Store) get(ctx context.Context, key string, rng *blob.Range) (io.ReadCloser, blob.Info, error) {
	whole := rng == nil || (rng.Offset == 0 && rng.Length < 0)
	var opts minio.GetObjectOptions
	if !whole {
		if rng.Offset < 0 || (rng.Length > 0 && rng.Offset > math.MaxInt64-rng.Length) {
			return nil, blob.Info{}, fmt.Errorf("range %+v: %w", *rng, blob.ErrInvalidRange)
		}
		if rng.Length == 0 {
			return s.getEmpty(ctx, key, rng) // HTTP cannot ask for zero bytes
		}
		end := int64(0) // "bytes=off-"
		if rng.Length > 0 {
			end = rng.Offset + rng.Length - 1
		}
		if err := opts.SetRange(rng.Offset, end); err != nil {
			return nil, blob.Info{}, err
		}
	}
	body, oi, hdr, err := s.core.GetObject(ctx, s.bucket, key, opts)
	if err != nil {
		err = mapErr(err)
		if errors.Is(err, blob.ErrInvalidRange) {
			return s.getEmpty(ctx, key, rng) // fine if Offset == size
		}
		return nil, blob.Info{}, err
	}
	info := toInfo(key, oi)
	if whole {
		return body, info, nil
	}
	total, partial := contentRangeTotal(hdr.Get("Content-Range"))
	if !partial {
		total = oi.Size // the server ignored Range and sent everything
	}
	info.Size = total
	off, n, err := stream.Bounds(rng, total)
	if err != nil {
		body.Close()
		return nil, blob.Info{}, err
	}
	if !partial {
		if _, err := io.CopyN(io.Discard, body, off); err != nil {
			body.Close()
			return nil, blob.Info{}, err
		}
	}
	return readCloser{io.LimitReader(body, n), body}, info, nil
}

// getEmpty serves a range that selects no bytes, which is valid when it starts at
// or before the end of the object.
func (s *Store) getEmpty(ctx context.Context, key string, rng *blob.Range) (io.ReadCloser, blob.Info, error) {
	info, err := s.stat(ctx, key)
	if err != nil {
		return nil, blob.Info{}, err
	}
	if _, n, err := stream.Bounds(rng, info.Size); err != nil || n != 0 {
		return nil, blob.Info{}, fmt.Errorf("range %+v of %d bytes: %w", *rng, info.Size, blob.ErrInvalidRange)
	}
	return io.NopCloser(bytes.NewReader(nil)), info, nil
}

// Stat returns the object's Info with one HEAD.
func (s *Store) Stat(ctx context.Context, key string) (blob.Info, error) {
	if err := checkKey(key); err != nil {
		return blob.Info{}, fmt.Errorf("s3blob: stat: %w", err)
	}
	info, err := s.stat(ctx, key)
	if err != nil {
		return blob.Info{}, fmt.Errorf("s3blob: stat %s: %w", key, err)
	}
	return info, nil
}

func (s *Store) stat(ctx context.Context, key string) (blob.Info, error) {
	oi, err := s.client.StatObject(ctx, s.bucket, key, minio.StatObjectOptions{})
	if err != nil {
		return blob.Info{}, mapErr(err)
	}
	return toInfo(key, oi), nil
}

func toInfo(key string, oi minio.ObjectInfo) blob.Info {
	ct := oi.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	return blob.Info{Key: key, Size: oi.Size, SHA256: lookup(oi.UserMetadata, metaSHA256), ContentType: ct, Modified: oi.LastModified}
}

// lookup finds a user metadata value whatever the server did to the key's case
// or prefix (HEAD strips "X-Amz-Meta-", MinIO's listing keeps it).
func lookup(m minio.StringMap, name string) string {
	for k, v := range m {
		if strings.EqualFold(k, name) || strings.EqualFold(k, "X-Amz-Meta-"+name) {
			return v
		}
	}
	return ""
}

// contentRangeTotal parses the total size out of "bytes a-b/total".
func contentRangeTotal(h string) (int64, bool) {
	_, total, ok := strings.Cut(h, "/")
	if !ok || !strings.HasPrefix(h, "bytes ") {
		return 0, false
	}
	n, err := strconv.ParseInt(total, 10, 64)
	return n, err == nil
}

type readCloser struct {
	io.Reader
	io.Closer
}
