// SPDX-License-Identifier: MIT

package fsblob

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
)

// meta is the sidecar stored at .meta/<key>.
type meta struct {
	SHA256      string `json:"sha256"`
	ContentType string `json:"contentType"`
	Size        int64  `json:"size"`
	// ModTime is the object file's mtime in Unix nanoseconds. With Size it ties
	// the sidecar to one version of the object, see package doc.
	ModTime int64 `json:"modTime"`
}

// describes reports whether m was written for the object file fi.
func (m meta) describes(fi fs.FileInfo) bool {
	return m.SHA256 != "" && m.Size == fi.Size() && m.ModTime == fi.ModTime().UnixNano()
}

// readMeta returns the sidecar of key; a missing or unreadable sidecar gives the
// zero meta, which describes no file.
func (s *Store) readMeta(key string) meta {
	var m meta
	b, err := s.root.ReadFile(metaPath(key))
	if err != nil || json.Unmarshal(b, &m) != nil {
		return meta{}
	}
	return m
}

// writeTemp writes data to a new file in .tmp and returns its name. The sidecar
// is not synced: one lost to a power failure is recomputed from the content (see
// the package doc), so it need not cost an fsync per Put.
func (s *Store) writeTemp(data []byte) (string, error) {
	name, f, err := s.createTemp(".meta")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.root.Remove(name)
		return "", err
	}
	return name, nil
}

// renameInto moves a temp file to dst, creating dst's directories, and returns
// the directories it found missing from the cache (see ensureDir). A concurrent
// Delete may prune a directory between creating it and the rename, so that case
// is retried.
func (s *Store) renameInto(tmp, dst string) ([]string, error) {
	dir := path.Dir(dst)
	var fresh []string
	for range 5 {
		f, err := s.ensureDir(dir)
		if err != nil {
			return nil, err
		}
		fresh = append(fresh, f...)
		if err = s.root.Rename(tmp, dst); !errors.Is(err, fs.ErrNotExist) {
			return fresh, err
		}
		s.dirs.forget(dir)
	}
	return nil, fmt.Errorf("rename %s: directory keeps disappearing: %w", dst, fs.ErrNotExist)
}

// syncDir fsyncs one directory, making the entries renamed or created in it
// durable.
func (s *Store) syncDir(dir string) error {
	d, err := s.root.OpenFile(dir, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	err = d.Sync()
	return errors.Join(err, d.Close())
}
