// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Change is one file written or deleted by a commit. Content nil without
// Delete writes an empty file. Delete on a folder removes everything in it.
type Change struct {
	Path    string `json:"path"`
	Content []byte `json:"content,omitempty"`
	Delete  bool   `json:"delete,omitempty"`
}

// Commit writes changes on top of expectedParent as one commit and moves
// branch to it, if branch still points at expectedParent. Otherwise nothing
// moves and the error is ErrStale: the caller reloads and applies its change
// again, it is never merged silently. A commit that would change nothing
// gives ErrNothingToDo.
func (r *Repo) Commit(ctx context.Context, branch, expectedParent string, author Author, message string, changes []Change) (string, error) {
	if err := CheckBranch(branch); err != nil {
		return "", err
	}
	parent, err := parseHash(expectedParent)
	if err != nil {
		return "", err
	}
	ref := plumbing.NewBranchReferenceName(branch)
	// Cheap early check: most stale saves stop here, before any object is
	// written. The compare-and-swap in moveRef is what makes it safe.
	cur, err := r.readRef(ref)
	if err != nil {
		return "", err
	}
	if cur.IsZero() {
		return "", fmt.Errorf("%w: branch %s in %s/%s", ErrNotFound, branch, r.Org, r.App)
	}
	if cur != parent {
		return "", fmt.Errorf("%w: %s is at %s, not %s", ErrStale, branch, short(cur), short(parent))
	}
	pc, err := r.g.CommitObject(parent)
	if err != nil {
		return "", fmt.Errorf("gitrepo: parent %s: %w", short(parent), err)
	}
	tree, err := r.applyChanges(pc.TreeHash, changes)
	if err != nil {
		return "", err
	}
	if tree == pc.TreeHash {
		return "", fmt.Errorf("%w: the changes leave every file as it is", ErrNothingToDo)
	}
	if strings.TrimSpace(message) == "" {
		message = defaultMessage(changes)
	}
	h, err := r.writeCommit(tree, author, message, parent)
	if err != nil {
		return "", err
	}
	if err := r.moveRef(ctx, ref, h, parent); err != nil {
		return "", err
	}
	return h.String(), nil
}

func defaultMessage(changes []Change) string {
	if len(changes) == 1 {
		verb := "Update"
		if changes[0].Delete {
			verb = "Delete"
		}
		return verb + " " + changes[0].Path
	}
	return fmt.Sprintf("Update %d files", len(changes))
}

// writeCommit stores a commit object and returns its hash.
func (r *Repo) writeCommit(tree plumbing.Hash, author Author, message string, parents ...plumbing.Hash) (plumbing.Hash, error) {
	now := r.s.now().Round(time.Second)
	sig := object.Signature{Name: author.Name, Email: author.Email, When: now}
	c := &object.Commit{Author: sig, Committer: sig, Message: message, TreeHash: tree, ParentHashes: parents}
	obj := r.g.Storer.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		return plumbing.ZeroHash, fmt.Errorf("gitrepo: encode commit: %w", err)
	}
	h, err := r.g.Storer.SetEncodedObject(obj)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("gitrepo: write commit: %w", err)
	}
	return h, nil
}

// changeDir is the part of a change set below one folder.
type changeDir struct {
	files map[string]*Change
	dirs  map[string]*changeDir
}

// applyChanges builds the tree that base becomes with changes applied,
// writing new blobs and trees, and returns its hash.
func (r *Repo) applyChanges(base plumbing.Hash, changes []Change) (plumbing.Hash, error) {
	if len(changes) == 0 {
		return plumbing.ZeroHash, fmt.Errorf("%w: no changes", ErrBadChange)
	}
	root := &changeDir{}
	seen := map[string]bool{}
	for i := range changes {
		c := &changes[i]
		if err := checkPath(c.Path); err != nil {
			return plumbing.ZeroHash, err
		}
		if c.Delete && len(c.Content) > 0 {
			return plumbing.ZeroHash, fmt.Errorf("%w: %s has both content and delete", ErrBadChange, c.Path)
		}
		if seen[c.Path] {
			return plumbing.ZeroHash, fmt.Errorf("%w: %s is changed twice", ErrBadChange, c.Path)
		}
		seen[c.Path] = true
		d := root
		parts := strings.Split(c.Path, "/")
		for _, p := range parts[:len(parts)-1] {
			if d.dirs == nil {
				d.dirs = map[string]*changeDir{}
			}
			next := d.dirs[p]
			if next == nil {
				next = &changeDir{}
				d.dirs[p] = next
			}
			d = next
		}
		if d.files == nil {
			d.files = map[string]*Change{}
		}
		d.files[parts[len(parts)-1]] = c
	}
	h, empty, err := r.applyDir(base, "", root)
	if err == nil && empty {
		return plumbing.ZeroHash, fmt.Errorf("%w: a commit cannot delete every file", ErrBadChange)
	}
	return h, err
}

// applyDir applies d to the tree base (zero for a new folder) at dir. It
// returns the new tree hash and whether the folder is now empty.
func (r *Repo) applyDir(base plumbing.Hash, dir string, d *changeDir) (plumbing.Hash, bool, error) {
	entries := map[string]object.TreeEntry{}
	if !base.IsZero() {
		t, err := r.g.TreeObject(base)
		if err != nil {
			return plumbing.ZeroHash, false, fmt.Errorf("gitrepo: tree %s: %w", dir, err)
		}
		for _, e := range t.Entries {
			entries[e.Name] = e
		}
	}
	for name, c := range d.files {
		old, exists := entries[name]
		if c.Delete {
			if !exists {
				return plumbing.ZeroHash, false, fmt.Errorf("%w: cannot delete %s: no such file", ErrNotFound, c.Path)
			}
			delete(entries, name)
			continue
		}
		if exists && old.Mode == filemode.Dir {
			return plumbing.ZeroHash, false, fmt.Errorf("%w: %s is a folder", ErrBadChange, c.Path)
		}
		h, err := r.writeObject(plumbing.BlobObject, c.Content)
		if err != nil {
			return plumbing.ZeroHash, false, err
		}
		mode := filemode.Regular
		if exists && old.Mode == filemode.Executable {
			mode = filemode.Executable
		}
		entries[name] = object.TreeEntry{Name: name, Mode: mode, Hash: h}
	}
	for name, sub := range d.dirs {
		old, exists := entries[name]
		var subBase plumbing.Hash
		if exists {
			if old.Mode != filemode.Dir {
				return plumbing.ZeroHash, false, fmt.Errorf("%w: %s is a file, not a folder", ErrBadChange, path.Join(dir, name))
			}
			subBase = old.Hash
		}
		h, empty, err := r.applyDir(subBase, path.Join(dir, name), sub)
		if err != nil {
			return plumbing.ZeroHash, false, err
		}
		if empty {
			delete(entries, name)
		} else {
			entries[name] = object.TreeEntry{Name: name, Mode: filemode.Dir, Hash: h}
		}
	}
	if len(entries) == 0 {
		return plumbing.ZeroHash, true, nil
	}
	t := &object.Tree{Entries: make([]object.TreeEntry, 0, len(entries))}
	for _, e := range entries {
		t.Entries = append(t.Entries, e)
	}
	slices.SortFunc(t.Entries, func(a, b object.TreeEntry) int { return strings.Compare(sortName(a), sortName(b)) })
	obj := r.g.Storer.NewEncodedObject()
	if err := t.Encode(obj); err != nil {
		return plumbing.ZeroHash, false, fmt.Errorf("gitrepo: encode tree: %w", err)
	}
	if obj.Hash() == base {
		return base, false, nil
	}
	h, err := r.storeObject(obj)
	return h, false, err
}

// sortName is git's tree order: folders sort as if their name ended in '/'.
func sortName(e object.TreeEntry) string {
	if e.Mode == filemode.Dir {
		return e.Name + "/"
	}
	return e.Name
}

// writeObject stores a blob (or other loose object) unless it exists.
func (r *Repo) writeObject(t plumbing.ObjectType, data []byte) (plumbing.Hash, error) {
	obj := r.g.Storer.NewEncodedObject()
	obj.SetType(t)
	obj.SetSize(int64(len(data)))
	w, err := obj.Writer()
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("gitrepo: %w", err)
	}
	if _, err := w.Write(data); err != nil {
		return plumbing.ZeroHash, fmt.Errorf("gitrepo: %w", err)
	}
	if err := w.Close(); err != nil {
		return plumbing.ZeroHash, fmt.Errorf("gitrepo: %w", err)
	}
	return r.storeObject(obj)
}

func (r *Repo) storeObject(obj plumbing.EncodedObject) (plumbing.Hash, error) {
	h := obj.Hash()
	if r.g.Storer.HasEncodedObject(h) == nil {
		return h, nil
	}
	if _, err := r.g.Storer.SetEncodedObject(obj); err != nil {
		return plumbing.ZeroHash, fmt.Errorf("gitrepo: write object: %w", err)
	}
	return h, nil
}

// checkPath accepts a clean relative path whose segments are not ".", ".."
// or ".git".
func checkPath(p string) error {
	if p == "" || strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") || path.Clean(p) != p {
		return fmt.Errorf("%w: path %q must be a clean relative path", ErrBadChange, p)
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "." || seg == ".." || strings.EqualFold(seg, ".git") || strings.ContainsAny(seg, "\x00\\") {
			return fmt.Errorf("%w: path %q has a forbidden segment %q", ErrBadChange, p, seg)
		}
	}
	return nil
}

// readBlob reads a blob's bytes.
func (r *Repo) readBlob(h plumbing.Hash) ([]byte, error) {
	b, err := r.g.BlobObject(h)
	if err != nil {
		if errors.Is(err, plumbing.ErrObjectNotFound) {
			return nil, fmt.Errorf("%w: blob %s", ErrNotFound, short(h))
		}
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	rd, err := b.Reader()
	if err != nil {
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	defer rd.Close()
	return io.ReadAll(rd)
}
