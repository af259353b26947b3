// SPDX-License-Identifier: MIT

package fsblob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/blob/internal/stream"
)

// Get opens the object, or the part selected by rng.
func (s *Store) Get(ctx context.Context, key string, rng *blob.Range) (io.ReadCloser, blob.Info, error) {
	if err := validKey(key); err != nil {
		return nil, blob.Info{}, fmt.Errorf("fsblob: get: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, blob.Info{}, fmt.Errorf("fsblob: get %s: %w", key, err)
	}
	f, info, err := s.open(key)
	if err != nil {
		return nil, blob.Info{}, mapErr("get", key, err)
	}
	off, n, err := stream.Bounds(rng, info.Size)
	if err != nil {
		f.Close()
		return nil, blob.Info{}, fmt.Errorf("fsblob: get %s: %w", key, err)
	}
	return &section{SectionReader: io.NewSectionReader(f, off, n), f: f}, info, nil
}

// Stat returns the object's Info.
func (s *Store) Stat(ctx context.Context, key string) (blob.Info, error) {
	if err := validKey(key); err != nil {
		return blob.Info{}, fmt.Errorf("fsblob: stat: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return blob.Info{}, fmt.Errorf("fsblob: stat %s: %w", key, err)
	}
	f, info, err := s.open(key)
	if err != nil {
		return blob.Info{}, mapErr("stat", key, err)
	}
	f.Close()
	return info, nil
}

// section is the reader Get returns: the selected bytes of an open file.
type section struct {
	*io.SectionReader
	f *os.File
}

func (r *section) Close() error { return r.f.Close() }

// open opens the object file and returns it with Info taken from the sidecar that
// describes it. An open file keeps its content even if a Put replaces the name
// meanwhile, so the Info stays true for everything read from the file.
func (s *Store) open(key string) (*os.File, blob.Info, error) {
	for attempt := 1; ; attempt++ {
		mu := s.lock(key)
		mu.RLock()
		f, fi, m, err := s.openOnce(key)
		mu.RUnlock()
		if err != nil {
			return nil, blob.Info{}, err
		}
		if m.describes(fi) {
			return f, blob.Info{Key: key, Size: fi.Size(), SHA256: m.SHA256, ContentType: m.ContentType, Modified: fi.ModTime()}, nil
		}
		// No metadata at all is no Put in flight (a Put renames the sidecar
		// first): an object placed by hand or restored without its extended
		// attributes. Waiting would not help.
		if attempt == 3 || m.SHA256 == "" {
			// Not a Put in flight in another process any more: a crash between
			// the renames, or an object placed by hand. Trust the content.
			info, err := rehash(f, fi)
			if err != nil {
				f.Close()
				return nil, blob.Info{}, err
			}
			info.Key = key
			return f, info, nil
		}
		f.Close()
		time.Sleep(time.Duration(attempt) * 5 * time.Millisecond)
	}
}

func (s *Store) openOnce(key string) (*os.File, fs.FileInfo, meta, error) {
	f, err := s.root.OpenFile(objPath(key), os.O_RDONLY, 0)
	if err != nil {
		return nil, nil, meta{}, err
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = fs.ErrNotExist // a directory of longer keys, not an object
	}
	if err != nil {
		f.Close()
		return nil, nil, meta{}, err
	}
	if m, ok := xattrMeta(f, fi); ok {
		return f, fi, m, nil
	}
	return f, fi, s.readMeta(key), nil
}

// rehash computes the Info of an object whose sidecar is missing or stale. The
// content type is unknown then.
func rehash(f *os.File, fi fs.FileInfo) (blob.Info, error) {
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, fi.Size())); err != nil {
		return blob.Info{}, err
	}
	return blob.Info{Size: fi.Size(), SHA256: hex.EncodeToString(h.Sum(nil)), ContentType: "application/octet-stream", Modified: fi.ModTime()}, nil
}
