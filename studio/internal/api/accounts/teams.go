// SPDX-License-Identifier: MIT

package accounts

import (
	"errors"
	"net/http"
	"time"

	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

type memberJSON struct {
	Username string    `json:"username"`
	FullName string    `json:"fullName"`
	Since    time.Time `json:"since"`
}

type teamJSON struct {
	Name    string       `json:"name"`
	Members []memberJSON `json:"members"`
}

// listTeams lists an org's teams with their members; any member may look.
func (h *Handler) listTeams(c *gin.Context) {
	teams, err := h.svc.Teams(c.Request.Context(), principal(c), c.Param("org"))
	if err != nil {
		api.Fail(c, err)
		return
	}
	out := struct {
		Teams []teamJSON `json:"teams"`
	}{Teams: make([]teamJSON, len(teams))}
	for i, t := range teams {
		tj := teamJSON{Name: t.Name, Members: make([]memberJSON, len(t.Members))}
		for j, m := range t.Members {
			tj.Members[j] = memberJSON{Username: m.Username, FullName: m.FullName, Since: m.Since}
		}
		out.Teams[i] = tj
	}
	c.JSON(http.StatusOK, out)
}

// addMember puts a user in a team; owners only. PUT is idempotent: adding a member
// who is already there succeeds.
func (h *Handler) addMember(c *gin.Context) {
	err := h.svc.AddMember(c.Request.Context(), principal(c), c.Param("org"), c.Param("team"), c.Param("username"))
	if err != nil && !errors.Is(err, account.ErrExists) {
		api.Fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// removeMember takes a user out of a team; owners only, and never the last owner.
func (h *Handler) removeMember(c *gin.Context) {
	if err := h.svc.RemoveMember(c.Request.Context(), principal(c), c.Param("org"), c.Param("team"), c.Param("username")); err != nil {
		api.Fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
