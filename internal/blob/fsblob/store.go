// SPDX-License-Identifier: MIT

package fsblob

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/blankett/blankett/internal/blob"
)

const (
	objectsDir = "objects"
	metaDir    = ".meta"
	tmpDir     = ".tmp"

	dirPerm  = 0o700 // form data is personal data: owner only
	filePerm = 0o600

	// staleTemp is how old a temp file must be before it is removed (a sidecar
	// or probe in .tmp by New, an upload beside its object by List); one still
	// being written by another process is younger than this.
	staleTemp = 24 * time.Hour
)

// Store is a blob.Store on a local directory.
type Store struct {
	root   *os.Root
	locks  [64]sync.RWMutex
	sync   Sync
	dirs   dirCache
	syncer dirSyncer
	// noXattr is set once the file system refuses user extended attributes;
	// every Put then writes a sidecar.
	noXattr atomic.Bool
}

var _ blob.Store = (*Store)(nil)

// New opens the store in dir, creating the directory and its layout if needed.
func New(dir string, opts ...Option) (*Store, error) {
	if err := os.MkdirAll(dir, dirPerm); err != nil {
		return nil, fmt.Errorf("fsblob: create %s: %w", dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("fsblob: open %s: %w", dir, err)
	}
	for _, d := range []string{objectsDir, metaDir, tmpDir} {
		if err := root.MkdirAll(d, dirPerm); err != nil {
			root.Close()
			return nil, fmt.Errorf("fsblob: create %s/%s: %w", dir, d, err)
		}
	}
	s := &Store{root: root}
	for _, o := range opts {
		o(s)
	}
	s.syncer.do = s.syncDir
	s.removeStaleTemp()
	return s, nil
}

// Close releases the directory handle.
func (s *Store) Close() error { return s.root.Close() }

// PresignGet returns blob.ErrNotSupported: files are served through the API.
func (s *Store) PresignGet(ctx context.Context, key string, expiry time.Duration) (string, error) {
	if err := validKey(key); err != nil {
		return "", fmt.Errorf("fsblob: presign: %w", err)
	}
	return "", fmt.Errorf("fsblob: presign %s: %w", key, blob.ErrNotSupported)
}

// Ping checks that the data directory is still there and writable by creating and
// removing a file in it.
func (s *Store) Ping(ctx context.Context) error {
	name, f, err := s.createTemp(".ping")
	if err != nil {
		return fmt.Errorf("fsblob: ping: %w", err)
	}
	err = errors.Join(f.Close(), s.root.Remove(name))
	if err != nil {
		return fmt.Errorf("fsblob: ping: %w", err)
	}
	return nil
}

// lock returns the stripe guarding key: writers hold it across the sidecar and
// object renames, readers while they open the object and read the sidecar.
func (s *Store) lock(key string) *sync.RWMutex {
	h := fnv.New32a()
	h.Write([]byte(key))
	return &s.locks[h.Sum32()%uint32(len(s.locks))]
}

// createTemp creates a new file in .tmp with a random name.
func (s *Store) createTemp(suffix string) (string, *os.File, error) {
	var b [12]byte
	rand.Read(b[:])
	name := tmpDir + "/" + hex.EncodeToString(b[:]) + suffix
	f, err := s.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, filePerm)
	return name, f, err
}

// removeStaleTemp deletes uploads abandoned by a crash. Best effort: a failure
// only leaves garbage behind, never affects stored objects.
func (s *Store) removeStaleTemp() {
	d, err := s.root.Open(tmpDir)
	if err != nil {
		return
	}
	defer d.Close()
	entries, _ := d.ReadDir(-1)
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleTemp {
			s.root.Remove(tmpDir + "/" + e.Name())
		}
	}
}

func objPath(key string) string  { return objectsDir + "/" + key }
func metaPath(key string) string { return metaDir + "/" + key }

// mapErr turns filesystem errors into the blob sentinels where one applies and
// adds the package prefix.
func mapErr(op, key string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("fsblob: %s %s: %w", op, key, blob.ErrNotFound)
	case errors.Is(err, syscall.ENAMETOOLONG):
		return fmt.Errorf("fsblob: %s %s: name too long for this filesystem: %w", op, key, blob.ErrInvalidKey)
	}
	return fmt.Errorf("fsblob: %s %s: %w", op, key, err)
}
