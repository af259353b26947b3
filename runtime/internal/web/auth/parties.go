// SPDX-License-Identifier: MIT

package auth

import (
	_ "embed"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
)

//go:embed parties.html
var partiesHTML string

// partiesTmpl is parsed once; a broken template is a build-time bug the tests catch.
var partiesTmpl = template.Must(template.New("parties").Parse(partiesHTML))

type partyOption struct {
	ID              int64
	Name, OrgNumber string
	Roles           string
	Self, Selected  bool
}

type partiesPage struct {
	Action, Logout, ReturnTo string
	Stylesheets              []string
	Parties                  []partyOption
}

// partiesPage shows the parties the person may act for as a plain form, so it works
// without JavaScript; anonymous visitors are sent to log in first.
func (h *Handler) partiesPage(c *gin.Context) {
	ctx := c.Request.Context()
	caller := CallerFrom(ctx)
	returnTo := localPath(c.Query("returnTo"))
	if caller.Kind != Person || !caller.ViaSession {
		back := PathParties + "?" + url.Values{"returnTo": {returnTo}}.Encode()
		c.Redirect(http.StatusSeeOther, PathLogin+"?"+url.Values{"returnTo": {back}}.Encode())
		return
	}
	parties, err := h.opt.Store.PartiesFor(ctx, caller.UserID)
	if err != nil {
		h.opt.Log.Error("parties: list", "error", err)
		internalError(c)
		return
	}
	page := partiesPage{Action: PathParties, Logout: PathLogout, ReturnTo: returnTo, Stylesheets: h.opt.Stylesheets}
	for _, p := range parties {
		o := partyOption{ID: p.ID, Name: p.Name, Self: p.ID == caller.UserPartyID, Selected: p.ID == caller.PartyID}
		if p.OrgNumber != nil {
			o.OrgNumber = *p.OrgNumber
		}
		if !o.Self {
			roles, err := h.opt.Store.RolesFor(ctx, caller.UserID, p.ID)
			if err != nil {
				h.opt.Log.Error("parties: roles", "error", err)
				internalError(c)
				return
			}
			o.Roles = strings.Join(roles, ", ")
		}
		page.Parties = append(page.Parties, o)
	}
	// Yourself first, then the organisations in id order.
	slices.SortStableFunc(page.Parties, func(a, b partyOption) int {
		switch {
		case a.Self == b.Self:
			return 0
		case a.Self:
			return -1
		}
		return 1
	})
	c.Header("Cache-Control", "no-store")
	c.Header("Content-Security-Policy", "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'")
	c.Status(http.StatusOK)
	c.Header("Content-Type", "text/html; charset=utf-8")
	if err := partiesTmpl.Execute(c.Writer, page); err != nil {
		h.opt.Log.Error("parties: render", "error", err)
	}
}

// selectParty records the chosen party in the session. The party must be one the
// person may act for now (PartiesFor), not merely one offered when the page was drawn.
func (h *Handler) selectParty(c *gin.Context) {
	ctx := c.Request.Context()
	caller := CallerFrom(ctx)
	token := sessionTokenFrom(ctx)
	if caller.Kind != Person || token == "" {
		httpx.Abort(c, http.StatusUnauthorized, CodeUnauthenticated, "Log in before choosing a party.")
		return
	}
	id, err := strconv.ParseInt(c.PostForm("party"), 10, 64)
	if err != nil || id <= 0 {
		httpx.Abort(c, http.StatusBadRequest, CodeInvalidParty, "Choose a party.")
		return
	}
	parties, err := h.opt.Store.PartiesFor(ctx, caller.UserID)
	if err != nil {
		h.opt.Log.Error("parties: list", "error", err)
		internalError(c)
		return
	}
	if !slices.ContainsFunc(parties, func(p store.Party) bool { return p.ID == id }) {
		httpx.Abort(c, http.StatusForbidden, CodePartyNotAllowed, "You hold no role for that party.")
		return
	}
	if err := h.opt.Store.SelectParty(ctx, token, id); err != nil {
		h.opt.Log.Error("parties: select", "error", err)
		internalError(c)
		return
	}
	c.Redirect(http.StatusSeeOther, localPath(c.PostForm("returnTo")))
}
