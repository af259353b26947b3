// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/diff"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/utils/merkletrie"
)

// FileStatus says what happened to a file between two commits.
type FileStatus string

// The file statuses.
const (
	FileAdded    FileStatus = "added"
	FileModified FileStatus = "modified"
	FileDeleted  FileStatus = "deleted"
)

// FileDiff is one changed file.
type FileDiff struct {
	Path   string     `json:"path"`
	Status FileStatus `json:"status"`
}

// DiffResult is what changed between two commits.
type DiffResult struct {
	From  string     `json:"from"`
	To    string     `json:"to"`
	Files []FileDiff `json:"files"`
	// Changes are the semantic changes (appframework/diff) when app files
	// changed and both versions load as apps.
	Changes []diff.Change `json:"changes,omitempty"`
	// AppError says why Changes is missing although app files changed: one
	// side did not load.
	AppError string `json:"appError,omitempty"`
}

// Diff compares two revisions: the changed files, and what changed in
// service-owner terms when files under App/ changed.
func (r *Repo) Diff(ctx context.Context, from, to string) (*DiffResult, error) {
	a, err := r.commit(from)
	if err != nil {
		return nil, err
	}
	b, err := r.commit(to)
	if err != nil {
		return nil, err
	}
	ta, err := a.Tree()
	if err != nil {
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	tb, err := b.Tree()
	if err != nil {
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	changes, err := object.DiffTreeContext(ctx, ta, tb)
	if err != nil {
		return nil, fmt.Errorf("gitrepo: diff: %w", err)
	}
	res := &DiffResult{From: a.Hash.String(), To: b.Hash.String(), Files: []FileDiff{}}
	appFiles := false
	for _, c := range changes {
		act, err := c.Action()
		if err != nil {
			return nil, fmt.Errorf("gitrepo: diff: %w", err)
		}
		fd := FileDiff{Path: c.To.Name, Status: FileModified}
		switch act {
		case merkletrie.Insert:
			fd.Status = FileAdded
		case merkletrie.Delete:
			fd.Path, fd.Status = c.From.Name, FileDeleted
		}
		res.Files = append(res.Files, fd)
		appFiles = appFiles || strings.HasPrefix(fd.Path, "App/")
	}
	if !appFiles {
		return res, nil
	}
	appA, errA := r.loadApp(a)
	appB, errB := r.loadApp(b)
	if err := errors.Join(errA, errB); err != nil {
		res.AppError = err.Error()
		return res, nil
	}
	res.Changes = diff.Diff(appA, appB)
	return res, nil
}

func (r *Repo) loadApp(c *object.Commit) (*app.App, error) {
	fsys, err := r.treeFS(c)
	if err != nil {
		return nil, err
	}
	a, err := app.Load(fsys, app.StandardOptions())
	if err != nil {
		return nil, fmt.Errorf("app at %s does not load: %w", short(c.Hash), err)
	}
	return a, nil
}
