// SPDX-License-Identifier: MIT

package fsblob

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"strings"
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

// writeTemp writes data to a new synced file in .tmp and returns its name.
func (s *Store) writeTemp(data []byte) (string, error) {
	name, f, err := s.createTemp(".meta")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.root.Remove(name)
		return "", err
	}
	return name, nil
}

// renameInto moves a temp file to dst, creating dst's directories. A concurrent
// Delete may prune a directory between MkdirAll and Rename, so that case is retried.
func (s *Store) renameInto(tmp, dst string) error {
	var err error
	for range 5 {
		if err = s.root.MkdirAll(path.Dir(dst), dirPerm); err != nil {
			return err
		}
		if err = s.root.Rename(tmp, dst); !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return err
}

// syncDirs fsyncs the directories from dst's parent up to its tree root, so that
// renames and newly created directories survive a crash: the DB row written after
// Put must never point at a blob the disk forgot.
func (s *Store) syncDirs(dst string) error {
	for dir := path.Dir(dst); ; dir = path.Dir(dir) {
		if err := s.syncDir(dir); err != nil {
			return err
		}
		if !strings.Contains(dir, "/") {
			return nil
		}
	}
}

func (s *Store) syncDir(dir string) error {
	d, err := s.root.OpenFile(dir, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	err = d.Sync()
	return errors.Join(err, d.Close())
}
