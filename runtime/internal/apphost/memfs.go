// SPDX-License-Identifier: MIT

package apphost

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// memFS is a read-only fs.FS over the files of a bundle. Directories are implied by
// the file paths, as in a tar without directory entries. It is immutable once
// built, so a Release can share it between goroutines.
type memFS struct {
	files   map[string][]byte
	dirs    map[string][]fs.DirEntry // sorted by name
	modTime time.Time
}

// newMemFS builds the tree; paths are clean, relative and unique (readBundle checks).
func newMemFS(files map[string][]byte, modTime time.Time) *memFS {
	m := &memFS{files: files, dirs: map[string][]fs.DirEntry{".": nil}, modTime: modTime}
	seen := map[string]bool{}
	for p, data := range files {
		child, isDir := p, false
		for {
			parent := path.Dir(child)
			key := parent + "\x00" + path.Base(child)
			if !seen[key] {
				seen[key] = true
				info := &memInfo{name: path.Base(child), size: int64(len(data)), dir: isDir, mod: modTime}
				m.dirs[parent] = append(m.dirs[parent], fs.FileInfoToDirEntry(info))
			}
			if parent == "." {
				break
			}
			if _, ok := m.dirs[parent]; !ok {
				m.dirs[parent] = nil
			}
			child, isDir, data = parent, true, nil
		}
	}
	for _, es := range m.dirs {
		slices.SortFunc(es, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
	return m
}

// Open implements fs.FS.
func (m *memFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := m.files[name]; ok {
		return &memFile{Reader: bytes.NewReader(data), info: &memInfo{name: path.Base(name), size: int64(len(data)), mod: m.modTime}}, nil
	}
	if es, ok := m.dirs[name]; ok {
		return &memDir{info: &memInfo{name: path.Base(name), dir: true, mod: m.modTime}, entries: es}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadFile implements fs.ReadFileFS without copying through a File.
func (m *memFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	data, ok := m.files[name]
	if !ok {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrNotExist}
	}
	return slices.Clone(data), nil
}

// ReadDir implements fs.ReadDirFS.
func (m *memFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	es, ok := m.dirs[name]
	if !ok {
		if _, isFile := m.files[name]; isFile {
			return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
		}
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	return slices.Clone(es), nil
}

type memInfo struct {
	name string
	size int64
	dir  bool
	mod  time.Time
}

func (i *memInfo) Name() string       { return i.name }
func (i *memInfo) Size() int64        { return i.size }
func (i *memInfo) ModTime() time.Time { return i.mod }
func (i *memInfo) IsDir() bool        { return i.dir }
func (i *memInfo) Sys() any           { return nil }
func (i *memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

type memFile struct {
	*bytes.Reader
	info *memInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type memDir struct {
	info    *memInfo
	entries []fs.DirEntry
	off     int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Close() error               { return nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: fs.ErrInvalid}
}

// ReadDir implements fs.ReadDirFile.
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return slices.Clone(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.off += n
	return slices.Clone(rest[:n]), nil
}
