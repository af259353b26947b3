// SPDX-License-Identifier: MIT

package fsblob

import (
	"fmt"
	"maps"
	"slices"
	"sync"
)

// Sync is what Put makes durable before it returns; see the package doc.
type Sync int

const (
	// SyncFull, the default, puts the content and the directory entries that
	// name it on stable storage before Put returns. The caller writes its
	// database row only after that, so no crash or power loss leaves a row
	// pointing at a blob the disk forgot.
	SyncFull Sync = iota
	// SyncNone returns once the object is renamed into place, without fsync. A
	// process crash (kill -9) still loses nothing, since the kernel keeps the
	// written pages; a power loss or kernel crash may lose blobs written in the
	// last seconds, including ones a surviving row points at. Only for disposable
	// data (tests, benchmarks, tmpfs) or storage that is itself battery-backed.
	SyncNone
)

// ParseSync reads a Sync from its configuration name, "full" or "none".
func ParseSync(s string) (Sync, error) {
	switch s {
	case "full", "":
		return SyncFull, nil
	case "none":
		return SyncNone, nil
	}
	return 0, fmt.Errorf("fsblob: sync %q: want full or none", s)
}

// String returns the configuration name.
func (s Sync) String() string {
	if s == SyncNone {
		return "none"
	}
	return "full"
}

// Option configures a Store.
type Option func(*Store)

// WithSync sets the durability policy (default SyncFull).
func WithSync(s Sync) Option { return func(st *Store) { st.sync = s } }

// maxParallelSyncs bounds the fsyncs one batch has in flight.
const maxParallelSyncs = 16

// dirSyncer fsyncs directories for concurrent Puts as a group commit: while one
// batch is being synced, the next collects its directories, and a directory that
// several Puts changed (the runtime's folder of an app and month, which every new
// data element goes into) is synced once for all of them. A Put joins a batch only after its renames, so
// the batch's fsync covers them.
type dirSyncer struct {
	do func(dir string) error

	mu      sync.Mutex
	busy    bool
	pending *syncBatch
}

type syncBatch struct {
	dirs map[string]error
	done chan struct{}
}

// sync returns once every directory in dirs has been fsynced after the call
// began, with the first error among them.
func (y *dirSyncer) sync(dirs []string) error {
	y.mu.Lock()
	b := y.pending
	if b == nil {
		b = &syncBatch{dirs: map[string]error{}, done: make(chan struct{})}
		y.pending = b
	}
	for _, d := range dirs {
		b.dirs[d] = nil
	}
	lead := !y.busy
	if lead {
		y.busy, y.pending = true, nil
	}
	y.mu.Unlock()
	if lead {
		y.run(b)
	}
	<-b.done
	for _, d := range dirs {
		if err := b.dirs[d]; err != nil {
			return err
		}
	}
	return nil
}

// run syncs b, then hands the batch collected meanwhile to a new leader, so
// that no caller waits for more than two batches.
func (y *dirSyncer) run(b *syncBatch) {
	// The fsyncs run side by side: the first commits the filesystem journal and
	// the others mostly find their entries already on disk, so in sequence they
	// would only queue behind each other.
	dirs := slices.Sorted(maps.Keys(b.dirs))
	errs := make([]error, len(dirs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, maxParallelSyncs)
	for i, d := range dirs {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			errs[i] = y.do(d)
		})
	}
	wg.Wait()
	for i, d := range dirs {
		b.dirs[d] = errs[i]
	}
	close(b.done)
	y.mu.Lock()
	next := y.pending
	y.pending = nil
	if next == nil {
		y.busy = false
	}
	y.mu.Unlock()
	if next != nil {
		go y.run(next)
	}
}
