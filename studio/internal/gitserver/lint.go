// SPDX-License-Identifier: MIT

package gitserver

import (
	"context"
	"strings"

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

// LintOnPush lints every branch head a push leaves. Its OnPush is a PushFunc;
// it keeps no reports itself but hands each to Notify, so the studio keeps
// one cache of lint reports (the app API's, by commit) instead of two.
type LintOnPush struct {
	store *gitrepo.Store
	// Notify, when set, receives each report (to cache it, store it or alert).
	Notify func(ctx context.Context, r PushLint)
}

// NewLintOnPush returns a LintOnPush reading from store.
func NewLintOnPush(store *gitrepo.Store) *LintOnPush {
	return &LintOnPush{store: store}
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
