// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Repo is one app's bare repository. It is not safe for concurrent use;
// Store.Open is cheap, so open one per request.
type Repo struct {
	s   *Store
	Org string
	App string
	dir string
	g   *git.Repository
}

// Dir is the repository's folder.
func (r *Repo) Dir() string { return r.dir }

// Branch is a branch and the commit it points at.
type Branch struct {
	Name string `json:"name"`
	Head string `json:"head"`
}

// Head returns the commit a branch points at.
func (r *Repo) Head(ctx context.Context, branch string) (string, error) {
	if err := CheckBranch(branch); err != nil {
		return "", err
	}
	h, err := r.readRef(plumbing.NewBranchReferenceName(branch))
	if err != nil {
		return "", err
	}
	if h.IsZero() {
		return "", fmt.Errorf("%w: branch %s in %s/%s", ErrNotFound, branch, r.Org, r.App)
	}
	return h.String(), nil
}

// Branches lists the branches, sorted by name.
func (r *Repo) Branches(ctx context.Context) ([]Branch, error) {
	it, err := r.g.Branches()
	if err != nil {
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	var out []Branch
	err = it.ForEach(func(ref *plumbing.Reference) error {
		out = append(out, Branch{Name: ref.Name().Short(), Head: ref.Hash().String()})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	slices.SortFunc(out, func(a, b Branch) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// EnsureBranch returns the head of branch, creating it at from's head when
// it does not exist yet. Two callers creating the same branch at once both
// get the same head.
func (r *Repo) EnsureBranch(ctx context.Context, branch, from string) (string, error) {
	if err := CheckBranch(branch); err != nil {
		return "", err
	}
	if h, err := r.Head(ctx, branch); err == nil || !errors.Is(err, ErrNotFound) {
		return h, err
	}
	start, err := r.Head(ctx, from)
	if err != nil {
		return "", err
	}
	err = r.moveRef(ctx, plumbing.NewBranchReferenceName(branch), plumbing.NewHash(start), plumbing.ZeroHash)
	if errors.Is(err, ErrExists) {
		return r.Head(ctx, branch)
	}
	return start, err
}

// EnsureUserBranch is EnsureBranch for users/<user>, from main.
func (r *Repo) EnsureUserBranch(ctx context.Context, user string) (branch, head string, err error) {
	branch, err = UserBranch(user)
	if err != nil {
		return "", "", err
	}
	head, err = r.EnsureBranch(ctx, branch, MainBranch)
	return branch, head, err
}

// Resolve turns a revision (a full commit hash, a branch or a tag) into a
// commit hash.
func (r *Repo) Resolve(ctx context.Context, rev string) (string, error) {
	c, err := r.commit(rev)
	if err != nil {
		return "", err
	}
	return c.Hash.String(), nil
}

// commit resolves rev to a commit object.
func (r *Repo) commit(rev string) (*object.Commit, error) {
	var h plumbing.Hash
	if isHash(rev) {
		h = plumbing.NewHash(rev)
	} else {
		if err := CheckBranch(rev); err != nil {
			return nil, err
		}
		for _, ref := range []plumbing.ReferenceName{plumbing.NewBranchReferenceName(rev), plumbing.NewTagReferenceName(rev)} {
			got, err := r.g.Reference(ref, true)
			if err == nil {
				h = got.Hash()
				break
			}
		}
		if h.IsZero() {
			return nil, fmt.Errorf("%w: revision %s in %s/%s", ErrNotFound, rev, r.Org, r.App)
		}
	}
	c, err := r.g.CommitObject(h)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		// An annotated tag points at a tag object.
		if tag, terr := r.g.TagObject(h); terr == nil {
			return tag.Commit()
		}
		return nil, fmt.Errorf("%w: commit %s in %s/%s", ErrNotFound, rev, r.Org, r.App)
	}
	if err != nil {
		return nil, fmt.Errorf("gitrepo: commit %s: %w", rev, err)
	}
	return c, nil
}

func isHash(s string) bool {
	if len(s) != 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isDigit(c) && !(c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// parseHash reads a full lowercase commit hash.
func parseHash(s string) (plumbing.Hash, error) {
	if !isHash(s) {
		return plumbing.ZeroHash, fmt.Errorf("%w: %q is not a full commit hash", ErrBadChange, s)
	}
	return plumbing.NewHash(s), nil
}

// Refs returns every branch and tag with the commit (or tag object) it
// points at, keyed by full ref name (refs/heads/main). The git server
// compares two of these around a push to see what landed.
func (r *Repo) Refs(ctx context.Context) (map[string]string, error) {
	it, err := r.g.References()
	if err != nil {
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	out := map[string]string{}
	err = it.ForEach(func(ref *plumbing.Reference) error {
		if ref.Type() == plumbing.HashReference && (ref.Name().IsBranch() || ref.Name().IsTag()) {
			out[ref.Name().String()] = ref.Hash().String()
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	return out, nil
}
