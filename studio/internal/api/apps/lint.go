// SPDX-License-Identifier: MIT

package apps

import (
	"context"

	"github.com/blankett/blankett/appframework/lint"
	"github.com/blankett/blankett/studio/internal/gitrepo"
)

// lintJSON is a lint report as the API shows it.
type lintJSON struct {
	Commit   string         `json:"commit"`
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Findings []lint.Finding `json:"findings"`
	// Failed says why the commit could not be linted at all.
	Failed string `json:"failed,omitempty"`
}

// RememberLint records the report of a commit linted elsewhere (after a git push),
// so the API shows it without linting again.
func (h *Handler) RememberLint(commit string, r lint.Report) { h.lints.put(commit, r) }

// lintOf lints commit, or takes the report from the cache.
func (h *Handler) lintOf(ctx context.Context, repo *gitrepo.Repo, commit string) lintJSON {
	rep, ok := h.lints.get(commit)
	if !ok {
		fsys, err := repo.FS(ctx, commit)
		if err == nil {
			rep, err = lint.Lint(fsys)
		}
		if err != nil {
			return lintJSON{Commit: commit, Findings: []lint.Finding{}, Failed: err.Error()}
		}
		h.lints.put(commit, rep)
	}
	out := lintJSON{Commit: commit, Errors: rep.Count(lint.Error), Warnings: rep.Count(lint.Warning), Findings: rep.Findings}
	if out.Findings == nil {
		out.Findings = []lint.Finding{}
	}
	return out
}
