// SPDX-License-Identifier: MIT

package s3blob

import (
	"context"
	"fmt"
	"strings"

	"github.com/minio/minio-go/v7"

	"github.com/blankett/blankett/internal/blob"
)

// ListKeys is List without SHA-256 and content type: only Key, Size and Modified
// are set. It costs one request per page of a thousand keys on every server,
// where List costs a HEAD per object on servers that ignore WithMetadata; the
// orphan-blob sweeper, which reads only keys and dates, uses it.
func (s *Store) ListKeys(ctx context.Context, prefix string, fn func(blob.Info) error) error {
	if err := blob.ValidPrefix(prefix); err != nil {
		return fmt.Errorf("s3blob: list keys: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for obj := range s.client.ListObjects(ctx, s.bucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: true}) {
		if obj.Err != nil {
			return fmt.Errorf("s3blob: list keys %q: %w", prefix, obj.Err)
		}
		if strings.HasPrefix(obj.Key, stagingPrefix) || blob.ValidKey(obj.Key) != nil {
			continue
		}
		if err := fn(blob.Info{Key: obj.Key, Size: obj.Size, Modified: obj.LastModified}); err != nil {
			return fmt.Errorf("s3blob: list keys %q: %w", prefix, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("s3blob: list keys %q: %w", prefix, err)
	}
	return nil
}
