// SPDX-License-Identifier: MIT

package s3blob

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/minio/minio-go/v7"

	"github.com/blankett/blankett/internal/blob"
)

// List calls fn for every object whose key starts with prefix, in key order
// (S3 lists in UTF-8 byte order, which is key order).
func (s *Store) List(ctx context.Context, prefix string, fn func(blob.Info) error) error {
	if err := blob.ValidPrefix(prefix); err != nil {
		return fmt.Errorf("s3blob: list: %w", err)
	}
	if err := s.list(ctx, prefix, fn); err != nil {
		return fmt.Errorf("s3blob: list %q: %w", prefix, err)
	}
	return nil
}

func (s *Store) list(ctx context.Context, prefix string, fn func(blob.Info) error) error {
	// Cancelling stops minio-go's listing goroutine when fn ends the walk early.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	objects := s.client.ListObjects(ctx, s.bucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: true, WithMetadata: true})
	for obj := range objects {
		if obj.Err != nil {
			return obj.Err
		}
		// Skip our staging area and anything our keys cannot name (e.g. "dir/"
		// markers made by other tools).
		if strings.HasPrefix(obj.Key, stagingPrefix) || blob.ValidKey(obj.Key) != nil {
			continue
		}
		info := blob.Info{Key: obj.Key, Size: obj.Size, Modified: obj.LastModified,
			SHA256: lookup(obj.UserMetadata, metaSHA256), ContentType: lookup(obj.UserMetadata, "content-type")}
		if info.SHA256 == "" || info.ContentType == "" {
			// The server did not send metadata with the listing.
			st, err := s.stat(ctx, obj.Key)
			if errors.Is(err, blob.ErrNotFound) {
				continue // deleted since listed
			}
			if err != nil {
				return err
			}
			info = st
		}
		if err := fn(info); err != nil {
			return err
		}
	}
	return ctx.Err()
}
