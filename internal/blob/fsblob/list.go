// SPDX-License-Identifier: MIT

package fsblob

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/blankett/blankett/internal/blob"
)

// List calls fn for every object whose key starts with prefix, in key order.
func (s *Store) List(ctx context.Context, prefix string, fn func(blob.Info) error) error {
	if err := blob.ValidPrefix(prefix); err != nil {
		return fmt.Errorf("fsblob: list: %w", err)
	}
	dir, name := "", prefix
	if i := strings.LastIndexByte(prefix, '/'); i >= 0 {
		dir, name = prefix[:i], prefix[i+1:]
	}
	if err := s.walk(ctx, dir, name, fn); err != nil {
		return fmt.Errorf("fsblob: list %q: %w", prefix, err)
	}
	return nil
}

// walk visits the objects below dir whose first name starts with namePrefix.
//
// Plain lexical directory order is not key order: "a-x" < "a/b" < "a0" as keys, but
// a directory walk would visit "a/b" before "a-x". Sorting a directory's entries by
// name, with "/" appended for directories, orders every subtree correctly between
// its siblings because all keys in directory d start with d+"/".
func (s *Store) walk(ctx context.Context, dir, namePrefix string, fn func(blob.Info) error) error {
	entries, err := s.readDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !strings.HasPrefix(e.Name(), namePrefix) {
			continue
		}
		key := e.Name()
		if dir != "" {
			key = dir + "/" + key
		}
		switch {
		case isTemp(e.Name()):
			s.removeStaleTempIn(objectsDir+"/"+key, e)
		case e.IsDir():
			if err := s.walk(ctx, key, "", fn); err != nil {
				return err
			}
		case e.Type().IsRegular() && blob.ValidKey(key) == nil:
			f, info, err := s.open(key)
			if missing(err) {
				continue // deleted since readDir
			}
			if err != nil {
				return err
			}
			f.Close()
			if err := fn(info); err != nil {
				return err
			}
		}
		// Symlinks and other special files are not objects.
	}
	return nil
}

// readDir returns dir's entries in key order; a missing dir has none.
func (s *Store) readDir(dir string) ([]fs.DirEntry, error) {
	p := objectsDir
	if dir != "" {
		p += "/" + dir
	}
	d, err := s.root.Open(p)
	if missing(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer d.Close()
	entries, err := d.ReadDir(-1)
	if err != nil {
		if missing(err) {
			return nil, nil // the prefix names an object, not a directory
		}
		return nil, err
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(sortName(a), sortName(b)) })
	return entries, nil
}

func sortName(e fs.DirEntry) string {
	if e.IsDir() {
		return e.Name() + "/"
	}
	return e.Name()
}
