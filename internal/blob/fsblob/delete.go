// SPDX-License-Identifier: MIT

package fsblob

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"syscall"
)

// Delete removes the object and its sidecar, then the directories this left
// empty. A missing object is not an error.
func (s *Store) Delete(ctx context.Context, key string) error {
	if err := validKey(key); err != nil {
		return fmt.Errorf("fsblob: delete: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("fsblob: delete %s: %w", key, err)
	}
	mu := s.lock(key)
	mu.Lock()
	defer mu.Unlock()

	fi, err := s.root.Lstat(objPath(key))
	switch {
	case missing(err):
		// No object, but a crash may have left its sidecar.
		if mfi, err := s.root.Lstat(metaPath(key)); err == nil && mfi.Mode().IsRegular() {
			if err := s.root.Remove(metaPath(key)); err != nil && !missing(err) {
				return mapErr("delete", key, err)
			}
		}
		return nil
	case err != nil:
		return mapErr("delete", key, err)
	case fi.IsDir():
		return nil // only longer keys live here
	}
	if err := s.root.Remove(objPath(key)); err != nil && !missing(err) {
		return mapErr("delete", key, err)
	}
	if err := s.root.Remove(metaPath(key)); err != nil && !missing(err) {
		return mapErr("delete", key, err)
	}
	s.prune(objectsDir, key)
	s.prune(metaDir, key)
	return nil
}

// prune removes the now empty parent directories of key inside tree. It stops at
// the first directory that is not empty (or is being filled by a Put, which then
// retries its rename).
func (s *Store) prune(tree, key string) {
	for dir := path.Dir(key); dir != "."; dir = path.Dir(dir) {
		if s.root.Remove(tree+"/"+dir) != nil {
			return
		}
		s.dirs.forget(tree + "/" + dir)
	}
}

func missing(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}
