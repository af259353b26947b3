// SPDX-License-Identifier: MIT

package fsblob

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/blankett/blankett/internal/blob"
)

// tempPrefix starts the name of an upload in progress, which lives beside its
// destination (see createTempIn). A key whose last segment starts with it is
// refused, so a temp file can never be taken for an object or clash with one.
const tempPrefix = ".fsblob-"

// validKey applies blob.ValidKey plus the store's one reserved name.
func validKey(key string) error {
	if err := blob.ValidKey(key); err != nil {
		return err
	}
	if strings.HasPrefix(path.Base(key), tempPrefix) {
		return fmt.Errorf("blob: key %q: names starting with %q are reserved by the fs store: %w", key, tempPrefix, blob.ErrInvalidKey)
	}
	return nil
}

func isTemp(name string) bool { return strings.HasPrefix(name, tempPrefix) }

// createTempIn creates the upload file for an object in its destination folder
// dir, creating the folder first, and returns the folders ensureDir reported (see
// Store.commit). Beside the destination, the final rename stays inside one
// directory, and concurrent uploads no longer all create and remove files in one
// shared folder, whose lock serialised them. A Delete may prune a just-created
// folder before the file is in it; that case is retried. Once the file exists the
// folder is not empty, so nothing prunes it until the rename.
func (s *Store) createTempIn(dir string) (string, *os.File, []string, error) {
	var fresh []string
	for range 5 {
		f, err := s.ensureDir(dir)
		if err != nil {
			return "", nil, nil, err
		}
		fresh = append(fresh, f...)
		var b [12]byte
		rand.Read(b[:])
		name := dir + "/" + tempPrefix + hex.EncodeToString(b[:])
		file, err := s.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, filePerm)
		if err == nil {
			return name, file, fresh, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", nil, nil, err
		}
		s.dirs.forget(dir)
	}
	return "", nil, nil, fmt.Errorf("create in %s: directory keeps disappearing: %w", dir, fs.ErrNotExist)
}

// copyBufs recycles the streaming buffers of Put: one per Put would be a
// quarter megabyte of garbage for every small form.
var copyBufs = sync.Pool{New: func() any { b := make([]byte, copyBufSize); return &b }}

// removeStaleTempIn deletes the upload file p left by a crash once it is older
// than staleTemp; List calls it for the temp files it passes, so the sweeper's
// listings clean them up. Best effort.
func (s *Store) removeStaleTempIn(p string, e fs.DirEntry) {
	if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleTemp {
		s.root.Remove(p)
	}
}
