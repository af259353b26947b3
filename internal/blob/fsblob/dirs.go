// SPDX-License-Identifier: MIT

package fsblob

import (
	"errors"
	"io/fs"
	"path"
	"sync"
)

// maxKnownDirs bounds the directory cache; when full it starts over, which
// costs one Mkdir per directory on the next Put into it.
const maxKnownDirs = 8192

// dirCache remembers directories that exist and whose entry in their parent is
// durable, so that a Put into a known directory skips creating it (each Mkdir
// through os.Root opens every directory on the path) and syncing its parent.
// Delete forgets what it prunes; a directory removed behind the store's back
// shows as ENOENT at the rename, which forgets it and retries.
type dirCache struct {
	mu    sync.Mutex
	known map[string]struct{}
}

func (c *dirCache) has(dir string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.known[dir]
	return ok
}

func (c *dirCache) add(dirs []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.known == nil || len(c.known)+len(dirs) > maxKnownDirs {
		c.known = make(map[string]struct{}, 64)
	}
	for _, d := range dirs {
		c.known[d] = struct{}{}
	}
}

func (c *dirCache) forget(dir string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.known, dir)
}

// ensureDir creates dir and any missing parents below the tree root and returns
// the directories that were not in the cache, parents first. A directory found
// existing counts too: another Put may have created it and not yet synced its
// entry. They are added to the cache only once their entries are durable (see
// Store.commit).
func (s *Store) ensureDir(dir string) ([]string, error) {
	if s.dirs.has(dir) || !isNested(dir) {
		return nil, nil
	}
	for attempt := 0; ; attempt++ {
		fresh, err := s.ensureDir(path.Dir(dir))
		if err != nil {
			return nil, err
		}
		err = s.root.Mkdir(dir, dirPerm)
		if err == nil || errors.Is(err, fs.ErrExist) {
			return append(fresh, dir), nil
		}
		if !errors.Is(err, fs.ErrNotExist) || attempt == 2 {
			return nil, err
		}
		// The parent is cached but gone: pruned by a Delete, or removed behind
		// the store's back.
		s.dirs.forget(path.Dir(dir))
	}
}

// isNested reports whether dir lies below a tree root (objects, .meta), which
// New creates.
func isNested(dir string) bool { return path.Dir(dir) != "." }
