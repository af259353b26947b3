// SPDX-License-Identifier: MIT

package fsblob

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"syscall"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/blob/internal/stream"
)

// copyBufSize is the write size while streaming into the temp file; larger than
// io.Copy's 32 KiB to cut syscalls on big attachments.
const copyBufSize = 256 << 10

// Put streams r into a temp file and renames it over key, see the package doc.
// On any error, including a cancelled ctx or blob.ErrTooLarge, the temp files
// are removed and the old object, if any, is untouched.
func (s *Store) Put(ctx context.Context, key string, r io.Reader, opts blob.PutOptions) (blob.Info, error) {
	if err := blob.ValidKey(key); err != nil {
		return blob.Info{}, fmt.Errorf("fsblob: put: %w", err)
	}
	info, err := s.put(ctx, key, r, opts)
	if err != nil {
		switch {
		case errors.Is(err, syscall.ENAMETOOLONG):
			err = fmt.Errorf("%w: %w", blob.ErrInvalidKey, err)
		case errors.Is(err, syscall.EEXIST), errors.Is(err, syscall.ENOTDIR), errors.Is(err, syscall.EISDIR), errors.Is(err, syscall.ENOTEMPTY):
			err = fmt.Errorf("key clashes with a stored key (here a key cannot be both an object and a prefix of one): %w", err)
		}
		return blob.Info{}, fmt.Errorf("fsblob: put %s: %w", key, err)
	}
	return info, nil
}

func (s *Store) put(ctx context.Context, key string, r io.Reader, opts blob.PutOptions) (info blob.Info, err error) {
	if err := ctx.Err(); err != nil {
		return blob.Info{}, err
	}
	tmpObj, f, err := s.createTemp(".obj")
	if err != nil {
		return blob.Info{}, err
	}
	tmpMeta := ""
	defer func() {
		if err != nil {
			f.Close() // may already be closed; the error is irrelevant then
			s.root.Remove(tmpObj)
			if tmpMeta != "" {
				s.root.Remove(tmpMeta)
			}
		}
	}()

	src := stream.NewReader(ctx, r, opts.MaxSize)
	// Hiding f's ReadFrom makes io.CopyBuffer use our buffer size.
	if _, err = io.CopyBuffer(struct{ io.Writer }{f}, src, make([]byte, copyBufSize)); err != nil {
		return blob.Info{}, err
	}
	// Synced before the rename, so that replacing a key never leaves a name
	// pointing at content the disk has not got.
	if s.sync == SyncFull {
		if err = f.Sync(); err != nil {
			return blob.Info{}, err
		}
	}
	fi, err := f.Stat()
	if err != nil {
		return blob.Info{}, err
	}
	if err = f.Close(); err != nil {
		return blob.Info{}, err
	}

	m := meta{SHA256: src.Sum(), ContentType: opts.ContentType, Size: src.N(), ModTime: fi.ModTime().UnixNano()}
	if m.ContentType == "" {
		m.ContentType = "application/octet-stream"
	}
	mb, _ := json.Marshal(m)
	if tmpMeta, err = s.writeTemp(mb); err != nil {
		return blob.Info{}, err
	}
	// Last chance to honour a cancel: after the renames the new object is visible.
	if err = ctx.Err(); err != nil {
		return blob.Info{}, err
	}
	if err = s.commit(key, tmpObj, tmpMeta); err != nil {
		return blob.Info{}, err
	}
	return blob.Info{Key: key, Size: m.Size, SHA256: m.SHA256, ContentType: m.ContentType, Modified: fi.ModTime()}, nil
}

// commit renames sidecar then object into place under the key's lock. With
// SyncFull it then makes the object's directory entries durable: the directory the
// object was renamed into, and the parent of every directory created for it. The
// sidecar's directories are not synced (see writeTemp).
func (s *Store) commit(key, tmpObj, tmpMeta string) error {
	mu := s.lock(key)
	mu.Lock()
	metaDirs, err := s.renameInto(tmpMeta, metaPath(key))
	var objDirs []string
	if err == nil {
		objDirs, err = s.renameInto(tmpObj, objPath(key))
		if err != nil {
			// The new sidecar would describe no file; drop it so the old
			// object (if any) keeps a clean recompute path.
			s.root.Remove(metaPath(key))
			s.prune(metaDir, key)
		}
	}
	mu.Unlock()
	if err != nil {
		return err
	}
	s.dirs.add(metaDirs)
	if s.sync == SyncFull {
		dirs := []string{path.Dir(objPath(key))}
		for _, d := range objDirs {
			dirs = append(dirs, path.Dir(d))
		}
		if err := s.syncer.sync(dirs); err != nil {
			return err
		}
	}
	s.dirs.add(objDirs)
	return nil
}
