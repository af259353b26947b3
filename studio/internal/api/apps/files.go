// SPDX-License-Identifier: MIT

package apps

import (
	"fmt"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

// readFile returns the file ?path= at ?ref= (a branch or a commit; default the
// caller's working branch, or main before the first save), or, for an empty path or
// one ending in "/", the folder's entries. ETag is the commit read, the parent for the next save.
func (h *Handler) readFile(c *gin.Context) {
	repo, ok := h.open(c, account.Read)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	commit, err := readCommit(c, repo)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("ETag", `"`+commit+`"`)
	p := strings.TrimPrefix(c.Query("path"), "/")
	if p == "" || strings.HasSuffix(p, "/") {
		ents, err := repo.List(ctx, commit, strings.TrimSuffix(p, "/"), false)
		if err != nil {
			h.fail(c, err)
			return
		}
		c.JSON(http.StatusOK, gin.H{"commit": commit, "entries": ents})
		return
	}
	b, err := repo.ReadFile(ctx, commit, p)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Data(http.StatusOK, mediaType(p), b)
}

// mediaType is the Content-Type of an app file by its extension.
func mediaType(p string) string {
	switch ext := path.Ext(p); ext {
	case ".json":
		return "application/json"
	case ".xsd", ".xml", ".bpmn":
		return "application/xml"
	default:
		if t := mime.TypeByExtension(ext); t != "" {
			return t
		}
	}
	return "application/octet-stream"
}

// segmentOK accepts a layout set, page, option list or data model name from the
// route: letters, digits, '.', '_' and '-', not starting with '.', at most 100 bytes,
// so it cannot climb out of its folder. Otherwise it answers 400 invalid_input.
func segmentOK(c *gin.Context, what, s string) bool {
	ok := validSegment(s)
	if !ok {
		httpx.Abort(c, http.StatusBadRequest, api.CodeInvalidInput,
			fmt.Sprintf("%s %q: use 1–100 letters, digits, '.', '_' or '-', not starting with '.'", what, s))
	}
	return ok
}

// validSegment is segmentOK's rule without the answer.
func validSegment(s string) bool {
	ok := s != "" && len(s) <= 100 && s[0] != '.'
	for _, r := range s {
		ok = ok && (r == '.' || r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}
	return ok
}
