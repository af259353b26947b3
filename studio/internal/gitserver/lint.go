// SPDX-License-Identifier: MIT

package gitserver

import (
	"context"
	"strings"
	"sync"

	"github.com/blankett/blankett/appframework/lint"
	"github.com/blankett/blankett/studio/internal/gitrepo"
)

// PushLint is the lint report of the head a push left on a branch.
type PushLint struct {
	Org    string      `json:"org"`
	App    string      `json:"app"`
	Ref    string      `json:"ref"`
	Commit string      `json:"commit"`
	Report lint.Report `json:"report"`
	// Err is set when the head could not be linted at all.
	Err string `json:"error,omitempty"`
}

// LintOnPush lints every branch head a push leaves and keeps the latest
// report per app and branch in memory. Its OnPush is a PushFunc; Latest is
// what the studio shows. A later push replaces the report.
type LintOnPush struct {
	store *gitrepo.Store
	// Notify, when set, also receives each report (to store it or alert).
	Notify func(ctx context.Context, r PushLint)

	mu      sync.Mutex
	reports map[string]PushLint
}

// NewLintOnPush returns a LintOnPush reading from store.
func NewLintOnPush(store *gitrepo.Store) *LintOnPush {
	return &LintOnPush{store: store, reports: map[string]PushLint{}}
}

// OnPush lints the new head of a branch; tags and deletions are ignored.
func (l *LintOnPush) OnPush(ctx context.Context, org, app, ref, old, new string) {
	if !strings.HasPrefix(ref, "refs/heads/") || new == "" {
		return
	}
	res := PushLint{Org: org, App: app, Ref: ref, Commit: new}
	if rep, err := l.lint(ctx, org, app, new); err != nil {
		res.Err = err.Error()
	} else {
		res.Report = rep
	}
	l.mu.Lock()
	l.reports[org+"/"+app+" "+ref] = res
	l.mu.Unlock()
	if l.Notify != nil {
		l.Notify(ctx, res)
	}
}

func (l *LintOnPush) lint(ctx context.Context, org, app, commit string) (lint.Report, error) {
	repo, err := l.store.Open(ctx, org, app)
	if err != nil {
		return lint.Report{}, err
	}
	fsys, err := repo.FS(ctx, commit)
	if err != nil {
		return lint.Report{}, err
	}
	return lint.Lint(fsys)
}

// Latest returns the report of the last push to a branch ("main" or
// "refs/heads/main").
func (l *LintOnPush) Latest(org, app, branch string) (PushLint, bool) {
	if !strings.HasPrefix(branch, "refs/") {
		branch = "refs/heads/" + branch
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.reports[org+"/"+app+" "+branch]
	return r, ok
}
