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
	if err := validKey(key); err != nil {
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
	tmpObj, f, objDirs, err := s.createTempIn(path.Dir(objPath(key)))
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
			// Folders made for this upload must not stay behind empty: the
			// key's prefix would stay taken (see package doc).
			s.prune(objectsDir, key)
		}
	}()

	src := stream.NewReader(ctx, r, opts.MaxSize)
	buf := copyBufs.Get().(*[]byte)
	// Hiding f's ReadFrom makes io.CopyBuffer use our buffer size.
	_, err = io.CopyBuffer(struct{ io.Writer }{f}, src, *buf)
	copyBufs.Put(buf)
	if err != nil {
		return blob.Info{}, err
	}
	m := meta{SHA256: src.Sum(), ContentType: opts.ContentType, Size: src.N()}
	if m.ContentType == "" {
		m.ContentType = "application/octet-stream"
	}
	// The metadata goes into the file's extended attribute where the file
	// system has them: renamed with the content in one step, synced with it, and
	// no second temp file, rename or directory tree. Else into a sidecar.
	sidecar := true
	if !s.noXattr.Load() {
		if xerr := setXattr(f, encodeXattr(m)); xerr == nil {
			sidecar = false
		} else if unsupported(xerr) {
			s.noXattr.Store(true)
		}
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

	if sidecar {
		m.ModTime = fi.ModTime().UnixNano()
		mb, _ := json.Marshal(m)
		if tmpMeta, err = s.writeTemp(mb); err != nil {
			return blob.Info{}, err
		}
	}
	// Last chance to honour a cancel: after the renames the new object is visible.
	if err = ctx.Err(); err != nil {
		return blob.Info{}, err
	}
	if err = s.commit(key, tmpObj, tmpMeta, objDirs); err != nil {
		return blob.Info{}, err
	}
	return blob.Info{Key: key, Size: m.Size, SHA256: m.SHA256, ContentType: m.ContentType, Modified: fi.ModTime()}, nil
}

// commit renames sidecar (if any: tmpMeta is "" when the metadata is in the
// object's extended attribute) then object into place under the key's lock; the
// object's temp file is already in its destination folder. With SyncFull it then
// makes the object's directory entries durable: the folder it was renamed in, and
// the parent of every folder created for it (objDirs, from createTempIn). The
// sidecar's directories are not synced (see writeTemp).
func (s *Store) commit(key, tmpObj, tmpMeta string, objDirs []string) error {
	mu := s.lock(key)
	mu.Lock()
	var metaDirs []string
	var err error
	if tmpMeta != "" {
		metaDirs, err = s.renameInto(tmpMeta, metaPath(key))
	}
	if err == nil {
		err = s.root.Rename(tmpObj, objPath(key))
		if err != nil && tmpMeta != "" {
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
