// SPDX-License-Identifier: MIT

package apps

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"

	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/gin-gonic/gin"
)

// maxFile bounds the body of a file save: layouts, texts and schemas of real apps
// are far smaller, and a save is held in memory.
const maxFile = 4 << 20

// workspace is the caller's working branch, checked against the expected parent.
type workspace struct {
	repo   *gitrepo.Repo
	branch string
	parent string
	who    account.Principal
}

// saveJSON answers a save: the new head of the working branch and its lint report.
type saveJSON struct {
	Commit string `json:"commit"`
	Parent string `json:"parent"`
	Branch string `json:"branch"`
	// Unchanged is true when the save changed nothing, so no commit was made and
	// Commit is the parent.
	Unchanged bool     `json:"unchanged"`
	Lint      lintJSON `json:"lint"`
}

// parentOf reads the expected parent from If-Match (a strong or weak entity tag or a
// bare hash) or, without that header, from the body's parent field.
func parentOf(c *gin.Context, field string) (string, bool) {
	p := field
	if h := strings.TrimSpace(c.GetHeader("If-Match")); h != "" {
		p = strings.Trim(strings.TrimPrefix(h, "W/"), `"`)
	}
	if p == "" {
		problem(c, http.StatusPreconditionRequired, CodeParentRequired,
			"Send the commit your change is based on, as If-Match or as the parent field.", nil)
		return "", false
	}
	return p, true
}

// begin authorises an edit, makes sure the caller's working branch exists and checks
// the expected parent against its head. field is the body's parent field ("" when
// the body has none).
func (h *Handler) begin(c *gin.Context, field string) (*workspace, bool) {
	repo, ok := h.open(c, account.Edit)
	if !ok {
		return nil, false
	}
	parent, ok := parentOf(c, field)
	if !ok {
		return nil, false
	}
	who := principal(c)
	branch, head, err := repo.EnsureUserBranch(c.Request.Context(), who.Username)
	if err != nil {
		h.fail(c, err)
		return nil, false
	}
	if head != parent {
		stale(c, branch, head)
		return nil, false
	}
	return &workspace{repo: repo, branch: branch, parent: parent, who: who}, true
}

// stale answers 409 stale_parent with the branch's current head.
func stale(c *gin.Context, branch, current string) {
	problem(c, http.StatusConflict, CodeStaleParent,
		fmt.Sprintf("%s has moved since you read it; reload and apply your change again.", branch),
		map[string]any{"branch": branch, "current": current})
}

// commit makes changes one commit on the working branch and answers with the new
// head and its lint report. A save that changes nothing answers 200 with the parent.
func (h *Handler) commit(c *gin.Context, ws *workspace, message string, changes []gitrepo.Change) {
	ctx := c.Request.Context()
	head, err := ws.repo.Commit(ctx, ws.branch, ws.parent, author(ws.who), message, changes)
	unchanged := errors.Is(err, gitrepo.ErrNothingToDo)
	switch {
	case unchanged:
		head = ws.parent
	case errors.Is(err, gitrepo.ErrStale):
		cur, herr := ws.repo.Head(ctx, ws.branch)
		if herr != nil {
			h.fail(c, herr)
			return
		}
		stale(c, ws.branch, cur)
		return
	case err != nil:
		h.fail(c, err)
		return
	}
	h.answer(c, ws, head, unchanged)
}

// answer writes saveJSON for head; the ETag lets the next save send If-Match as is.
func (h *Handler) answer(c *gin.Context, ws *workspace, head string, unchanged bool) {
	c.Header("ETag", `"`+head+`"`)
	c.JSON(http.StatusOK, saveJSON{Commit: head, Parent: ws.parent, Branch: ws.branch, Unchanged: unchanged,
		Lint: h.lintOf(c.Request.Context(), ws.repo, head)})
}

// readBody reads a raw file body of one of the media types, up to maxFile bytes.
func readBody(c *gin.Context, types ...string) ([]byte, bool) {
	mt, _, err := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if err != nil || !slices.Contains(types, mt) {
		problem(c, http.StatusUnsupportedMediaType, "unsupported_media_type",
			"Send the body as "+strings.Join(types, " or ")+".", nil)
		return nil, false
	}
	b, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, maxFile))
	if err != nil {
		problem(c, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("The body is larger than %d MiB.", maxFile>>20), nil)
		return nil, false
	}
	return b, true
}

// read returns a file of the parent, nil when it does not exist.
func (ws *workspace) read(c *gin.Context, p string) ([]byte, error) {
	b, err := ws.repo.ReadFile(c.Request.Context(), ws.parent, p)
	if errors.Is(err, gitrepo.ErrNotFound) {
		return nil, nil
	}
	return b, err
}
