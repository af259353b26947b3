// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"fmt"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// Tag creates the lightweight tag name at commit (a full hash). Tags are
// release versions, so an existing tag is never moved: that is ErrExists, even
// when it already points at commit.
func (r *Repo) Tag(ctx context.Context, name, commit string) error {
	if err := checkTag(name); err != nil {
		return err
	}
	h, err := parseHash(commit)
	if err != nil {
		return err
	}
	if _, err := r.g.CommitObject(h); err != nil {
		return fmt.Errorf("%w: commit %s in %s/%s", ErrNotFound, commit, r.Org, r.App)
	}
	err = r.moveRef(ctx, plumbing.NewTagReferenceName(name), h, plumbing.ZeroHash)
	if err != nil && strings.Contains(err.Error(), "already exists") {
		return fmt.Errorf("%w: tag %s in %s/%s", ErrExists, name, r.Org, r.App)
	}
	return err
}

// Tags returns every tag with the commit it names (an annotated tag is peeled
// to its commit).
func (r *Repo) Tags(ctx context.Context) (map[string]string, error) {
	it, err := r.g.Tags()
	if err != nil {
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	out := map[string]string{}
	err = it.ForEach(func(ref *plumbing.Reference) error {
		c, err := r.commit(ref.Hash().String())
		if err != nil {
			return err
		}
		out[ref.Name().Short()] = c.Hash.String()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("gitrepo: tags: %w", err)
	}
	return out, nil
}

// checkTag applies the branch-name rules to a tag name, since both share the
// refs namespace rules and Resolve looks tags up beside branches.
func checkTag(name string) error {
	if err := CheckBranch(name); err != nil {
		return fmt.Errorf("%w (tag)", err)
	}
	return nil
}

// DeleteTag removes the tag name if it still points at commit; a release that
// could not be recorded takes its tag back with it.
func (r *Repo) DeleteTag(ctx context.Context, name, commit string) error {
	h, err := parseHash(commit)
	if err != nil {
		return err
	}
	return r.moveRef(ctx, plumbing.NewTagReferenceName(name), plumbing.ZeroHash, h)
}
