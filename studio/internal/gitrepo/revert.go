// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/utils/merkletrie"
)

// Revert undoes commit on branch as a new commit on top of expectedParent:
// every file the commit changed gets back its content from before it (for a
// merge, from before it on the first-parent side). When a file the commit
// changed has been changed again since, the revert stops with a
// *ConflictError naming it; it never picks a side.
func (r *Repo) Revert(ctx context.Context, branch, expectedParent, commit string, author Author) (string, error) {
	c, err := r.commit(commit)
	if err != nil {
		return "", err
	}
	if len(c.ParentHashes) == 0 {
		return "", fmt.Errorf("%w: %s is the first commit and cannot be reverted", ErrBadChange, short(c.Hash))
	}
	parent, err := r.g.CommitObject(c.ParentHashes[0])
	if err != nil {
		return "", fmt.Errorf("gitrepo: %w", err)
	}
	headHash, err := parseHash(expectedParent)
	if err != nil {
		return "", err
	}
	// Stale first: conflicts against an old head would mislead.
	if cur, err := r.Head(ctx, branch); err != nil {
		return "", err
	} else if cur != expectedParent {
		return "", fmt.Errorf("%w: %s is at %s, not %s", ErrStale, branch, cur[:12], short(headHash))
	}
	head, err := r.g.CommitObject(headHash)
	if err != nil {
		return "", fmt.Errorf("%w: commit %s", ErrNotFound, short(headHash))
	}
	pt, ct, ht, err := trees(parent, c, head)
	if err != nil {
		return "", err
	}
	diffs, err := object.DiffTreeContext(ctx, pt, ct)
	if err != nil {
		return "", fmt.Errorf("gitrepo: %w", err)
	}
	var changes []Change
	var conflicts []Conflict
	for _, d := range diffs {
		act, err := d.Action()
		if err != nil {
			return "", fmt.Errorf("gitrepo: %w", err)
		}
		p := d.To.Name
		if act == merkletrie.Delete {
			p = d.From.Name
		}
		if entryHash(ht, p) != d.To.TreeEntry.Hash {
			conflicts = append(conflicts, Conflict{Path: p, Kind: "changed-since",
				Message: fmt.Sprintf("%s has been changed after %s; revert the later change first or edit it by hand", p, short(c.Hash))})
			continue
		}
		if act == merkletrie.Insert {
			changes = append(changes, Change{Path: p, Delete: true})
			continue
		}
		data, err := r.readBlob(d.From.TreeEntry.Hash)
		if err != nil {
			return "", err
		}
		changes = append(changes, Change{Path: p, Content: data})
	}
	if len(conflicts) > 0 {
		return "", &ConflictError{Op: "revert " + short(c.Hash), Conflicts: conflicts}
	}
	if len(changes) == 0 {
		return "", fmt.Errorf("%w: %s changed no files", ErrNothingToDo, short(c.Hash))
	}
	subject := info(c).Subject
	msg := fmt.Sprintf("Revert %q\n\nThis reverts commit %s.\n", subject, c.Hash)
	return r.Commit(ctx, branch, expectedParent, author, msg, changes)
}

func trees(cs ...*object.Commit) (a, b, c *object.Tree, err error) {
	ts := make([]*object.Tree, len(cs))
	for i, x := range cs {
		if ts[i], err = x.Tree(); err != nil {
			return nil, nil, nil, fmt.Errorf("gitrepo: %w", err)
		}
	}
	return ts[0], ts[1], ts[2], nil
}

// entryHash is the hash of the file at p in t, zero when there is none.
func entryHash(t *object.Tree, p string) plumbing.Hash {
	e, err := t.FindEntry(p)
	if err != nil {
		return plumbing.ZeroHash
	}
	return e.Hash
}
