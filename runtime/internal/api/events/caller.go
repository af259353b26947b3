// SPDX-License-Identifier: MIT

package events

import (
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// ScopeEventsSubscribe is Altinn's scope for subscribing to and pulling events;
// altinn:serviceowner/instances.read, which covers events per Altinn's docs, is
// accepted as well.
const ScopeEventsSubscribe = "altinn:events.subscribe"

// serviceOwner admits a service owner holding one of the API's scopes (see
// auth.ServiceOwner).
func serviceOwner(c *gin.Context) (auth.Caller, bool) {
	return auth.ServiceOwner(c, ScopeEventsSubscribe, authz.ScopeServiceOwnerInstancesRead)
}
