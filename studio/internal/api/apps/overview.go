// SPDX-License-Identifier: MIT

package apps

import (
	"errors"
	"net/http"

	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/gin-gonic/gin"
)

// branchJSON is one branch in the overview.
type branchJSON struct {
	Name   string   `json:"name"`
	Commit string   `json:"commit"`
	Lint   lintJSON `json:"lint"`
}

// overviewJSON is what the app's start page shows.
type overviewJSON struct {
	Org  string     `json:"org"`
	App  string     `json:"app"`
	Main branchJSON `json:"main"`
	// Mine is the caller's working branch, absent before the first save.
	Mine *branchJSON `json:"mine,omitempty"`
	// Commits are the latest commits of the working branch (of main without one).
	Commits []gitrepo.CommitInfo `json:"commits"`
}

// overviewCommits is how many recent commits the overview lists.
const overviewCommits = 10

// overview shows main, the caller's working branch, the lint findings of both heads
// and the latest commits. A push shows here at once: heads are read from the refs
// on every request, and the push's lint report is already cached.
func (h *Handler) overview(c *gin.Context) {
	repo, ok := h.open(c, account.Read)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	main, err := repo.Head(ctx, gitrepo.MainBranch)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := overviewJSON{Org: repo.Org, App: repo.App,
		Main: branchJSON{Name: gitrepo.MainBranch, Commit: main, Lint: h.lintOf(ctx, repo, main)}}
	logFrom := main
	if branch, err := gitrepo.UserBranch(principal(c).Username); err == nil {
		head, err := repo.Head(ctx, branch)
		switch {
		case err == nil:
			out.Mine = &branchJSON{Name: branch, Commit: head, Lint: h.lintOf(ctx, repo, head)}
			logFrom = head
		case !errors.Is(err, gitrepo.ErrNotFound):
			h.fail(c, err)
			return
		}
	}
	page, err := repo.Log(ctx, logFrom, "", overviewCommits)
	if err != nil {
		h.fail(c, err)
		return
	}
	out.Commits = page.Commits
	c.JSON(http.StatusOK, out)
}
