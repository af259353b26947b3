// SPDX-License-Identifier: MIT

package auth

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/gin-gonic/gin"
)

// Bearer is middleware that verifies a platform token from "Authorization: Bearer" and
// puts its Caller in the request context. A request without the header passes on
// unchanged; a bad, expired or foreign token is 401 with a WWW-Authenticate challenge,
// never silently anonymous, so a client learns that its token is the problem.
func (h *Handler) Bearer() gin.HandlerFunc {
	return func(c *gin.Context) {
		if h.bearer(c) {
			c.Next()
		}
	}
}

// bearer does the work of Bearer; false means it answered the request.
func (h *Handler) bearer(c *gin.Context) bool {
	header := c.GetHeader("Authorization")
	if header == "" {
		return true
	}
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return h.refuseToken(c, "invalid_request", "Use Authorization: Bearer <token>.")
	}
	if h.issuer == nil {
		return h.refuseToken(c, "invalid_token", "This server issues no platform tokens.")
	}
	claims, err := h.issuer.Verify(strings.TrimSpace(token))
	if err != nil {
		desc := "The token is invalid."
		if errors.Is(err, authn.ErrTokenExpired) {
			desc = "The token has expired."
		}
		return h.refuseToken(c, "invalid_token", desc)
	}
	caller, err := callerFromClaims(claims)
	if err != nil {
		return h.refuseToken(c, "invalid_token", "The token names no valid user.")
	}
	c.Request = c.Request.WithContext(WithCaller(c.Request.Context(), caller))
	return true
}

func (h *Handler) refuseToken(c *gin.Context, oauthCode, detail string) bool {
	c.Header("WWW-Authenticate", `Bearer realm="blankett", error="`+oauthCode+`"`)
	httpx.Abort(c, http.StatusUnauthorized, CodeInvalidToken, detail)
	return false
}

// callerFromClaims makes a person of a token with urn:altinn:userid and a machine of
// any other.
func callerFromClaims(cl authn.Claims) (Caller, error) {
	c := Caller{Kind: Machine, PartyID: cl.PartyID, AuthLevel: cl.AuthLevel, ClientID: cl.ClientID,
		Org: cl.Org, OrgNumber: cl.OrgNumber, Scopes: cl.Scopes}
	if cl.UserID != "" {
		id, err := strconv.ParseInt(cl.UserID, 10, 64)
		if err != nil || id <= 0 {
			return Caller{}, authn.ErrInvalidToken
		}
		c.Kind, c.UserID = Person, id
	}
	return c, nil
}
