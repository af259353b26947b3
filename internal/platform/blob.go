// SPDX-License-Identifier: MIT

package platform

import (
	"context"
	"fmt"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/blob/s3blob"
	"github.com/blankett/blankett/internal/config"
)

// OpenBlob opens the configured blob store and checks that it answers.
func OpenBlob(ctx context.Context, c config.BlobConfig) (blob.Store, error) {
	var (
		s   blob.Store
		err error
	)
	switch c.Backend {
	case "fs":
		var sync fsblob.Sync
		if sync, err = fsblob.ParseSync(c.FSSync); err == nil {
			s, err = fsblob.New(c.Dir, fsblob.WithSync(sync))
		}
	case "s3":
		s, err = s3blob.New(ctx, s3blob.Config{Endpoint: c.S3Endpoint, Bucket: c.S3Bucket, Region: c.S3Region,
			AccessKey: c.S3AccessKey, SecretKey: c.S3SecretKey, CreateBucket: c.S3CreateBucket})
	default:
		return nil, fmt.Errorf("platform: unknown blob backend %q", c.Backend)
	}
	if err != nil {
		return nil, fmt.Errorf("platform: open %s blob store: %w", c.Backend, err)
	}
	if err := s.Ping(ctx); err != nil {
		return nil, fmt.Errorf("platform: %s blob store: %w", c.Backend, err)
	}
	return s, nil
}
