// SPDX-License-Identifier: MIT

package gitrepo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// MergeResult is a merge that landed.
type MergeResult struct {
	// Commit is the new head of the target branch.
	Commit string `json:"commit"`
	// FastForward is true when the target had no commits of its own and
	// simply moved to the source head.
	FastForward bool `json:"fastForward"`
}

// Merge merges branch from into branch into (a working branch into main, or
// main into a working branch to catch up). A target that has no commits of
// its own moves forward; otherwise `git merge-tree --write-tree` makes the
// merged tree and a merge commit records it. Conflicts come back as a
// *ConflictError with every conflicted file and nothing moves. The target
// moves with a compare-and-swap against the head the merge started from, so
// a save or push in between gives ErrStale.
func (r *Repo) Merge(ctx context.Context, from, into string, author Author, message string) (MergeResult, error) {
	src, err := r.Head(ctx, from)
	if err != nil {
		return MergeResult{}, err
	}
	dst, err := r.Head(ctx, into)
	if err != nil {
		return MergeResult{}, err
	}
	srcH, dstH := plumbing.NewHash(src), plumbing.NewHash(dst)
	ref := plumbing.NewBranchReferenceName(into)
	if src == dst {
		return MergeResult{}, fmt.Errorf("%w: %s and %s point at the same commit", ErrNothingToDo, from, into)
	}
	if ok, err := r.isAncestor(ctx, src, dst); err != nil {
		return MergeResult{}, err
	} else if ok {
		return MergeResult{}, fmt.Errorf("%w: %s is already merged into %s", ErrNothingToDo, from, into)
	}
	if ok, err := r.isAncestor(ctx, dst, src); err != nil {
		return MergeResult{}, err
	} else if ok {
		if err := r.moveRef(ctx, ref, srcH, dstH); err != nil {
			return MergeResult{}, err
		}
		return MergeResult{Commit: src, FastForward: true}, nil
	}
	tree, conflicts, err := r.mergeTree(ctx, dst, src)
	if err != nil {
		return MergeResult{}, err
	}
	if len(conflicts) > 0 {
		return MergeResult{}, &ConflictError{Op: "merge " + from + " into " + into, Conflicts: conflicts}
	}
	if strings.TrimSpace(message) == "" {
		message = fmt.Sprintf("Merge branch '%s' into %s", from, into)
	}
	h, err := r.writeCommit(plumbing.NewHash(tree), author, message, dstH, srcH)
	if err != nil {
		return MergeResult{}, err
	}
	if err := r.moveRef(ctx, ref, h, dstH); err != nil {
		return MergeResult{}, err
	}
	return MergeResult{Commit: h.String()}, nil
}

func (r *Repo) isAncestor(ctx context.Context, a, b string) (bool, error) {
	_, err := r.s.runGit(ctx, r.dir, "merge-base", "--is-ancestor", a, b)
	if err == nil {
		return true, nil
	}
	if exitCode(err) == 1 {
		return false, nil
	}
	return false, err
}

// mergeTree runs git merge-tree --write-tree and returns the merged tree,
// or the conflicts. With -z the output is: tree NUL, conflicted paths each
// NUL-terminated, NUL, then messages as <n> NUL <path>×n NUL <type> NUL
// <text> NUL.
func (r *Repo) mergeTree(ctx context.Context, ours, theirs string) (string, []Conflict, error) {
	out, err := r.s.runGit(ctx, r.dir, "merge-tree", "--write-tree", "-z", "--name-only", ours, theirs)
	if err != nil && exitCode(err) != 1 {
		return "", nil, err
	}
	clean := err == nil
	fields := bytes.Split(out, []byte{0})
	if len(fields) == 0 || !isHash(string(fields[0])) {
		return "", nil, fmt.Errorf("gitrepo: merge-tree printed %q", out)
	}
	tree := string(fields[0])
	if clean {
		return tree, nil, nil
	}
	byPath := map[string]*Conflict{}
	var order []string
	i := 1
	for ; i < len(fields) && len(fields[i]) > 0; i++ {
		p := string(fields[i])
		if byPath[p] == nil {
			byPath[p] = &Conflict{Path: p, Kind: "content"}
			order = append(order, p)
		}
	}
	// Messages name the kind of each conflict.
	for i++; i < len(fields); {
		n, err := strconv.Atoi(string(fields[i]))
		if err != nil || i+n+2 >= len(fields) {
			break
		}
		paths := fields[i+1 : i+1+n]
		kind, msg := string(fields[i+1+n]), strings.TrimSpace(string(fields[i+2+n]))
		i += n + 3
		if !strings.HasPrefix(kind, "CONFLICT") {
			continue
		}
		kind = strings.Trim(strings.TrimPrefix(kind, "CONFLICT "), "()")
		for _, p := range paths {
			if c := byPath[string(p)]; c != nil {
				c.Kind, c.Message = kind, msg
			}
		}
	}
	if len(order) == 0 {
		return "", nil, errors.New("gitrepo: merge-tree reported a conflict but named no file")
	}
	slices.Sort(order)
	out2 := make([]Conflict, len(order))
	for j, p := range order {
		out2[j] = *byPath[p]
	}
	return tree, out2, nil
}
