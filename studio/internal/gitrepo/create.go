// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// Create makes the repository of a new app from the built-in template, with
// one commit "App created" on main, and returns that commit.
func (s *Store) Create(ctx context.Context, org, app string, author Author) (string, error) {
	files, err := TemplateFiles(org, app, author, s.now())
	if err != nil {
		return "", err
	}
	return s.build(ctx, org, app, func(tmp string) (*Repo, error) {
		g, err := git.PlainInit(tmp, true)
		if err != nil {
			return nil, fmt.Errorf("gitrepo: init: %w", err)
		}
		r := &Repo{s: s, Org: org, App: app, dir: tmp, g: g}
		tree, err := r.applyChanges(plumbing.ZeroHash, files)
		if err != nil {
			return nil, err
		}
		h, err := r.writeCommit(tree, author, "App created")
		if err != nil {
			return nil, err
		}
		return r, r.moveRef(ctx, plumbing.NewBranchReferenceName(MainBranch), h, plumbing.ZeroHash)
	})
}

// build makes a repository in a temporary folder next to its final place,
// sets it up and renames it into place, so a half-made repository is never
// served and a failure leaves nothing behind.
func (s *Store) build(ctx context.Context, org, app string, fill func(tmp string) (*Repo, error)) (string, error) {
	dir, err := s.Path(org, app)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(dir); err == nil {
		return "", fmt.Errorf("%w: app %s/%s", ErrExists, org, app)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o750); err != nil {
		return "", fmt.Errorf("gitrepo: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".creating-"+app+"-")
	if err != nil {
		return "", fmt.Errorf("gitrepo: %w", err)
	}
	defer os.RemoveAll(tmp)
	r, err := fill(tmp)
	if err != nil {
		return "", err
	}
	if err := r.configure(); err != nil {
		return "", err
	}
	head, err := r.Head(ctx, MainBranch)
	if err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if errors.Is(err, fs.ErrExist) || s.Exists(org, app) {
			return "", fmt.Errorf("%w: app %s/%s", ErrExists, org, app)
		}
		return "", fmt.Errorf("gitrepo: %w", err)
	}
	return head, nil
}

// configure points HEAD at main and refuses history rewrites by push: the
// git server enforces the same through the environment, this keeps them when
// the folder is served some other way.
func (r *Repo) configure() error {
	if err := r.g.Storer.SetReference(plumbing.NewSymbolicReference(plumbing.HEAD, plumbing.NewBranchReferenceName(MainBranch))); err != nil {
		return fmt.Errorf("gitrepo: set HEAD: %w", err)
	}
	cfg, err := r.g.Config()
	if err != nil {
		return fmt.Errorf("gitrepo: config: %w", err)
	}
	cfg.Raw.Section("receive").SetOption("denyNonFastForwards", "true")
	cfg.Raw.Section("receive").SetOption("denyDeletes", "true")
	cfg.Raw.Section("core").SetOption("logAllRefUpdates", "false")
	if err := r.g.SetConfig(cfg); err != nil {
		return fmt.Errorf("gitrepo: config: %w", err)
	}
	return nil
}
