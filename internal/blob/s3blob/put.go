// SPDX-License-Identifier: MIT

package s3blob

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/google/uuid"
	"github.com/minio/minio-go/v7"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/blob/internal/stream"
)

// cleanupTimeout bounds the clean-up after a failed upload, which runs even when
// the caller's context is already cancelled.
const cleanupTimeout = time.Minute

// maxCopySize is the largest object S3 copies in one request.
const maxCopySize = 5 << 30

// Put stores r at key, see the package doc for the one-PUT and staged paths.
func (s *Store) Put(ctx context.Context, key string, r io.Reader, opts blob.PutOptions) (blob.Info, error) {
	if err := checkKey(key); err != nil {
		return blob.Info{}, fmt.Errorf("s3blob: put: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return blob.Info{}, fmt.Errorf("s3blob: put %s: %w", key, err)
	}
	ct := opts.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	src := stream.NewReader(ctx, r, opts.MaxSize)
	var first bytes.Buffer
	_, err := io.CopyN(&first, src, s.partSize)
	var info blob.Info
	switch {
	case err == io.EOF:
		info, err = s.putSmall(ctx, key, first.Bytes(), src.Sum(), ct)
	case err == nil:
		info, err = s.putStaged(ctx, key, io.MultiReader(&first, src), src, ct)
	}
	if err != nil {
		if serr := src.Err(); serr != nil && !errors.Is(err, serr) {
			err = fmt.Errorf("%w (%w)", serr, err) // the stream's own cause is what callers test for
		}
		if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
			err = fmt.Errorf("%w (%w)", cerr, err)
		}
		return blob.Info{}, fmt.Errorf("s3blob: put %s: %w", key, err)
	}
	return info, nil
}

func (s *Store) putSmall(ctx context.Context, key string, b []byte, sum, ct string) (blob.Info, error) {
	// Signing with the digest we computed lets the server verify the body
	// against it (x-amz-content-sha256) instead of trusting the wire. It also
	// avoids minio-go's streaming signature, which sends an empty body chunked
	// without Content-Length, refused by some servers.
	ui, err := s.core.PutObject(ctx, s.bucket, key, bytes.NewReader(b), int64(len(b)), "", sum, minio.PutObjectOptions{
		ContentType:          ct,
		UserMetadata:         map[string]string{metaSHA256: sum},
		DisableContentSha256: true,
	})
	if err != nil {
		return blob.Info{}, err
	}
	return blob.Info{Key: key, Size: int64(len(b)), SHA256: sum, ContentType: ct, Modified: modified(ui)}, nil
}

// putStaged uploads body to a staging key, then copies it onto key with the
// metadata that is only known now.
func (s *Store) putStaged(ctx context.Context, key string, body io.Reader, src *stream.Reader, ct string) (info blob.Info, err error) {
	staging := stagingPrefix + uuid.NewString()
	uploaded := false
	defer func() {
		// Runs on success too: the staging object has served its purpose.
		if cerr := s.cleanup(ctx, staging, !uploaded); cerr != nil && err != nil {
			err = errors.Join(err, cerr)
		}
	}()
	_, err = s.client.PutObject(ctx, s.bucket, staging, body, -1, minio.PutObjectOptions{
		ContentType: ct,
		PartSize:    uint64(s.partSize),
	})
	if err != nil {
		return blob.Info{}, err
	}
	uploaded = true
	if err = ctx.Err(); err != nil {
		return blob.Info{}, err
	}
	dst := minio.CopyDestOptions{
		Bucket:          s.bucket,
		Object:          key,
		ReplaceMetadata: true,
		UserMetadata:    map[string]string{metaSHA256: src.Sum()},
		ContentType:     ct,
	}
	from := minio.CopySrcOptions{Bucket: s.bucket, Object: staging}
	var ui minio.UploadInfo
	if src.N() <= maxCopySize {
		ui, err = s.client.CopyObject(ctx, dst, from)
	} else {
		ui, err = s.client.ComposeObject(ctx, dst, from) // multipart copy
	}
	if err != nil {
		return blob.Info{}, err
	}
	return blob.Info{Key: key, Size: src.N(), SHA256: src.Sum(), ContentType: ct, Modified: modified(ui)}, nil
}

// cleanup removes the staging object and, after a failed upload, any multipart
// upload minio-go did not manage to abort. It checks with ListIncompleteUploads:
// an upload left open is invisible to List yet stored (and billed) until a
// lifecycle rule removes it.
func (s *Store) cleanup(ctx context.Context, staging string, failed bool) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()
	err := s.client.RemoveObject(ctx, s.bucket, staging, minio.RemoveObjectOptions{})
	if errors.Is(mapErr(err), blob.ErrNotFound) {
		err = nil
	}
	if failed {
		err = errors.Join(err, s.abortUploads(ctx, staging))
	}
	if err != nil {
		return fmt.Errorf("clean up %s: %w", staging, err)
	}
	return nil
}

func (s *Store) abortUploads(ctx context.Context, key string) error {
	left, err := s.incompleteUploads(ctx, key)
	if err != nil || left == 0 {
		return err
	}
	if err := s.client.RemoveIncompleteUpload(ctx, s.bucket, key); err != nil {
		return err
	}
	if left, err = s.incompleteUploads(ctx, key); err == nil && left > 0 {
		err = fmt.Errorf("%d multipart uploads still open after abort", left)
	}
	return err
}

// incompleteUploads counts the multipart uploads still open for key.
func (s *Store) incompleteUploads(ctx context.Context, key string) (int, error) {
	n := 0
	for u := range s.client.ListIncompleteUploads(ctx, s.bucket, key, false) {
		if u.Err != nil {
			if minio.ToErrorResponse(u.Err).Code == "NoSuchUpload" {
				return n, nil // gofakes3's answer for a bucket that never had an upload
			}
			return n, u.Err
		}
		if u.Key == key {
			n++
		}
	}
	return n, nil
}

func modified(ui minio.UploadInfo) time.Time {
	if ui.LastModified.IsZero() {
		return time.Now().UTC()
	}
	return ui.LastModified
}
