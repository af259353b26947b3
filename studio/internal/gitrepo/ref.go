// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// moveRef points ref at newH if it points at oldH now; a zero oldH means the
// ref must not exist yet; a zero newH deletes it. It speaks git's lock protocol (see the package
// doc): create <ref>.lock exclusively, check, write, rename over the ref.
func (r *Repo) moveRef(ctx context.Context, ref plumbing.ReferenceName, newH, oldH plumbing.Hash) error {
	refPath := filepath.Join(r.dir, filepath.FromSlash(ref.String()))
	mu, _ := r.s.refLocks.LoadOrStore(refPath, &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()

	if err := os.MkdirAll(filepath.Dir(refPath), 0o750); err != nil {
		return fmt.Errorf("gitrepo: %w", err)
	}
	lockPath := refPath + ".lock"
	f, err := r.lockFile(ctx, lockPath)
	if err != nil {
		return err
	}
	renamed := false
	defer func() {
		if !renamed {
			_ = f.Close()
			_ = os.Remove(lockPath)
		}
	}()
	cur, err := r.readRef(ref)
	if err != nil {
		return err
	}
	if cur != oldH {
		if oldH.IsZero() {
			return fmt.Errorf("%w: branch %s", ErrExists, ref.Short())
		}
		return fmt.Errorf("%w: %s is at %s, not %s", ErrStale, ref.Short(), short(cur), short(oldH))
	}
	if newH.IsZero() {
		if err := r.g.Storer.RemoveReference(ref); err != nil {
			return fmt.Errorf("gitrepo: delete %s: %w", ref.Short(), err)
		}
		return nil
	}
	if _, err := f.WriteString(newH.String() + "\n"); err != nil {
		return fmt.Errorf("gitrepo: write %s: %w", lockPath, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("gitrepo: write %s: %w", lockPath, err)
	}
	if err := os.Rename(lockPath, refPath); err != nil {
		return fmt.Errorf("gitrepo: move %s: %w", ref.Short(), err)
	}
	renamed = true
	return nil
}

// lockFile creates path exclusively, waiting with backoff while another
// writer holds it, up to the store's lock timeout.
func (r *Repo) lockFile(ctx context.Context, path string) (*os.File, error) {
	deadline := time.Now().Add(r.s.lockTimeout)
	wait := time.Millisecond
	for {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("gitrepo: lock %s: %w", path, err)
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%w: %s exists (a push in progress, or left by a crash: remove it if no git process runs)", ErrLocked, path)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(wait*2, 50*time.Millisecond)
	}
}

// readRef returns the hash a branch ref points at, zero when it does not
// exist. go-git reads the loose file, then packed-refs, on every call.
func (r *Repo) readRef(ref plumbing.ReferenceName) (plumbing.Hash, error) {
	got, err := r.g.Storer.Reference(ref)
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return plumbing.ZeroHash, nil
	}
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("gitrepo: read %s: %w", ref.Short(), err)
	}
	if got.Type() != plumbing.HashReference {
		return plumbing.ZeroHash, fmt.Errorf("gitrepo: %s is a symbolic ref", ref.Short())
	}
	return got.Hash(), nil
}

func short(h plumbing.Hash) string {
	if h.IsZero() {
		return "nothing"
	}
	return h.String()[:12]
}
