// SPDX-License-Identifier: MIT

package auth

import (
	"net/http"
	"strings"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/gin-gonic/gin"
)

// Stable problem codes of this package.
const (
	CodeLoginNotConfigured  = "login_not_configured"
	CodeLoginUnavailable    = "login_unavailable"
	CodeLoginFailed         = "login_failed"
	CodeLoginStateInvalid   = "login_state_invalid"
	CodeTokensNotConfigured = "tokens_not_configured"
	CodeUnauthenticated     = "unauthenticated"
	CodeInvalidToken        = "invalid_token"
	CodePartyNotAllowed     = "party_not_allowed"
	CodeInvalidParty        = "invalid_party"
)

func internalError(c *gin.Context) {
	httpx.Abort(c, http.StatusInternalServerError, httpx.CodeInternal, "Something went wrong on our side.")
}

// localPath keeps only same-site paths, so a return address cannot redirect off-site.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") ||
		strings.ContainsAny(p, "\r\n\\") {
		return "/"
	}
	return p
}
