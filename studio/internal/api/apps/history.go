// SPDX-License-Identifier: MIT

package apps

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/gin-gonic/gin"
)

// maxHistory caps a history page: every commit carries its semantic diff, which
// loads the app twice.
const maxHistory = 50

// historyEntry is one commit with what it changed.
type historyEntry struct {
	gitrepo.CommitInfo
	// Diff compares the commit with its first parent; absent for the first commit.
	Diff *gitrepo.DiffResult `json:"diff,omitempty"`
}

type revertRequest struct {
	Parent string `json:"parent"`
	Commit string `json:"commit"`
}

type mergeRequest struct {
	// Message is the merge commit's message (default: git's).
	Message string `json:"message"`
}

type mergeJSON struct {
	gitrepo.MergeResult
	From string `json:"from"`
	Into string `json:"into"`
	// Unchanged is true when there was nothing to merge.
	Unchanged bool `json:"unchanged"`
}

func isNotFound(err error) bool { return errors.Is(err, gitrepo.ErrNotFound) }

// history pages through the log of ?ref= (default main) with the semantic diff of
// every commit: ?cursor= is the previous page's next, ?limit= at most 50.
func (h *Handler) history(c *gin.Context) {
	repo, ok := h.open(c, account.Read)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	ref := c.DefaultQuery("ref", gitrepo.MainBranch)
	limit := 20
	if s := c.Query("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxHistory {
			httpx.Abort(c, http.StatusBadRequest, api.CodeInvalidInput, "limit is a number from 1 to 50.")
			return
		}
		limit = n
	}
	page, err := repo.Log(ctx, ref, c.Query("cursor"), limit)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := struct {
		Commits []historyEntry `json:"commits"`
		Next    string         `json:"next,omitempty"`
	}{Commits: make([]historyEntry, len(page.Commits)), Next: page.Next}
	for i, ci := range page.Commits {
		out.Commits[i].CommitInfo = ci
		if len(ci.Parents) == 0 {
			continue
		}
		d, err := repo.Diff(ctx, ci.Parents[0], ci.Hash)
		if err != nil {
			h.fail(c, err)
			return
		}
		out.Commits[i].Diff = d
	}
	c.JSON(http.StatusOK, out)
}

// revert undoes a commit as a new commit on the caller's working branch. A file the
// commit changed that has changed again since is a conflict: 409, nothing moves.
func (h *Handler) revert(c *gin.Context) {
	var req revertRequest
	if !api.Decode(c, &req) {
		return
	}
	ws, ok := h.begin(c, req.Parent)
	if !ok {
		return
	}
	head, err := ws.repo.Revert(c.Request.Context(), ws.branch, ws.parent, req.Commit, author(ws.who))
	if errors.Is(err, gitrepo.ErrStale) {
		cur, _ := ws.repo.Head(c.Request.Context(), ws.branch)
		stale(c, ws.branch, cur)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	h.answer(c, ws, head, false)
}

// merge merges the caller's working branch into main.
func (h *Handler) merge(c *gin.Context) { h.mergeBranches(c, true) }

// pull merges main into the caller's working branch, to catch up with others.
func (h *Handler) pull(c *gin.Context) { h.mergeBranches(c, false) }

// mergeBranches merges between main and the working branch. Conflicts answer 409
// with every conflicted file and move nothing; nothing to merge answers 200.
func (h *Handler) mergeBranches(c *gin.Context, toMain bool) {
	var req mergeRequest
	if c.Request.ContentLength != 0 && !api.Decode(c, &req) {
		return
	}
	repo, ok := h.open(c, account.Edit)
	if !ok {
		return
	}
	ctx, who := c.Request.Context(), principal(c)
	mine, _, err := repo.EnsureUserBranch(ctx, who.Username)
	if err != nil {
		h.fail(c, err)
		return
	}
	from, into := mine, gitrepo.MainBranch
	if !toMain {
		from, into = into, from
	}
	res, err := repo.Merge(ctx, from, into, author(who), req.Message)
	out := mergeJSON{MergeResult: res, From: from, Into: into}
	if errors.Is(err, gitrepo.ErrNothingToDo) {
		out.Unchanged = true
		out.Commit, err = repo.Head(ctx, into)
	}
	if errors.Is(err, gitrepo.ErrStale) {
		cur, _ := repo.Head(ctx, into)
		stale(c, into, cur)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, out)
}
