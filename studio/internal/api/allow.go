// SPDX-License-Identifier: MIT

package api

import (
	"fmt"
	"net/http"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/gin-gonic/gin"
)

// Allow reports whether the caller Identify found may act with perm on app in org,
// and otherwise answers the refusal. Without read rights the org's apps do not exist
// for the caller (404, so org names do not leak); with read rights, a missing right
// is 403. perm is asked first: every right implies read, so an allowed request costs
// one rights lookup, not two.
func Allow(c *gin.Context, acc account.Authenticator, org, app string, perm account.Permission) (account.Principal, bool) {
	ctx := c.Request.Context()
	p, _ := PrincipalFrom(ctx)
	if acc.Can(ctx, p, org, app, perm) {
		return p, true
	}
	if perm != account.Read && acc.Can(ctx, p, org, app, account.Read) {
		httpx.Abort(c, http.StatusForbidden, CodeForbidden, fmt.Sprintf("You need the %s right in %s.", perm, org))
		return p, false
	}
	httpx.Abort(c, http.StatusNotFound, CodeNotFound, "No such org, or you are not a member of it.")
	return p, false
}
