// SPDX-License-Identifier: MIT

package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
)

const (
	defaultMaxFileBytes = 16 << 20
	defaultMaxFiles     = 10_000
)

// loader is the state of one Load.
type loader struct {
	fsys  fs.FS
	opts  Options
	app   *App
	p     problems
	files int
}

func newLoader(fsys fs.FS, opts Options) *loader {
	if opts.MaxFileBytes <= 0 {
		opts.MaxFileBytes = defaultMaxFileBytes
	}
	if opts.MaxFiles <= 0 {
		opts.MaxFiles = defaultMaxFiles
	}
	return &loader{fsys: fsys, opts: opts}
}

func (l *loader) exists(name string) bool {
	st, err := fs.Stat(l.fsys, name)
	return err == nil && !st.IsDir()
}

func (l *loader) isDir(name string) bool {
	st, err := fs.Stat(l.fsys, strings.TrimSuffix(name, "/"))
	return err == nil && st.IsDir()
}

// read reads a file within the loader's limits, reporting failures.
func (l *loader) read(name string) ([]byte, bool) {
	l.files++
	if l.files > l.opts.MaxFiles {
		if l.files == l.opts.MaxFiles+1 {
			l.p.add(fileErr(name, "", ErrTooLarge, "more than %d files", l.opts.MaxFiles))
		}
		return nil, false
	}
	f, err := l.fsys.Open(name)
	if err != nil {
		l.p.add(&Error{File: name, Err: fmt.Errorf("app: read: %w", err)})
		return nil, false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, l.opts.MaxFileBytes+1))
	if err != nil {
		l.p.add(&Error{File: name, Err: fmt.Errorf("app: read: %w", err)})
		return nil, false
	}
	if int64(len(data)) > l.opts.MaxFileBytes {
		l.p.add(fileErr(name, "", ErrTooLarge, "file is larger than %d bytes", l.opts.MaxFileBytes))
		return nil, false
	}
	return data, true
}

// list returns the names of the regular files in dir ending in suffix,
// sorted; a missing dir is no files.
func (l *loader) list(dir, suffix string) []string {
	entries, err := fs.ReadDir(l.fsys, strings.TrimSuffix(dir, "/"))
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			l.p.add(&Error{File: dir, Err: fmt.Errorf("app: list: %w", err)})
		}
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), suffix) {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return out
}

// eachJSON calls fn with the id (the name without ".json"), path and content of
// every readable .json file in dir, in name order; unreadable ones are reported.
func (l *loader) eachJSON(dir string, fn func(id, file string, data []byte)) {
	for _, name := range l.list(dir, ".json") {
		file := join(dir, name)
		if data, ok := l.read(file); ok {
			fn(strings.TrimSuffix(name, ".json"), file, data)
		}
	}
}

// dirs returns the sub-folders of dir, sorted.
func (l *loader) dirs(dir string) []string {
	entries, err := fs.ReadDir(l.fsys, strings.TrimSuffix(dir, "/"))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return out
}

func join(elem ...string) string { return path.Join(elem...) }
