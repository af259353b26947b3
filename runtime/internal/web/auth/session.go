// SPDX-License-Identifier: MIT

package auth

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
)

// storeTokenLen is the length of the store's session tokens: 32 random bytes, base64url.
const storeTokenLen = 43

// Session is middleware that loads the session named by the cookie and puts its Caller
// in the request context. A missing, malformed, unknown or expired cookie leaves the
// request anonymous (and a stale cookie is cleared); only a store failure is an error.
// A caller already set (by Bearer) is kept.
func (h *Handler) Session() gin.HandlerFunc {
	return func(c *gin.Context) {
		if h.session(c) {
			c.Next()
		}
	}
}

// Authenticate is Bearer followed by Session: API clients with a token and browsers with
// the cookie both get their Caller.
func (h *Handler) Authenticate() gin.HandlerFunc {
	return func(c *gin.Context) {
		if h.bearer(c) && h.session(c) {
			c.Next()
		}
	}
}

// RequireCaller is middleware that answers 401 problem+json to anonymous requests. Put
// it after Session, Bearer or Authenticate.
func (h *Handler) RequireCaller() gin.HandlerFunc {
	return func(c *gin.Context) {
		if !CallerFrom(c.Request.Context()).Authenticated() {
			c.Header("WWW-Authenticate", `Bearer realm="blankett"`)
			httpx.Abort(c, http.StatusUnauthorized, CodeUnauthenticated, "Log in or send a bearer token.")
			return
		}
		c.Next()
	}
}

// session does the work of Session; false means it answered the request.
func (h *Handler) session(c *gin.Context) bool {
	ctx := c.Request.Context()
	if CallerFrom(ctx).Authenticated() {
		return true
	}
	token, err := h.sessionCookie(c.Request)
	if err != nil {
		return true
	}
	ctx, caller, err := h.loadSession(ctx, c, token)
	switch {
	case errors.Is(err, store.ErrNotFound):
		h.cookie.Clear(c.Writer)
		return true
	case err != nil:
		h.opt.Log.Error("session: load", "error", err)
		internalError(c)
		return false
	}
	c.Request = c.Request.WithContext(withSessionToken(WithCaller(ctx, caller), token))
	return true
}

// loadSession returns the caller of a live session; ErrNotFound when there is none.
// On a route about one instance (its :party and :guid parameters, as the forms
// UI's and the app API's instance routes name them) the instance is read with the
// session (store.GetSessionWith), and the context returned carries it to the
// handler's load.
func (h *Handler) loadSession(ctx context.Context, c *gin.Context, token string) (context.Context, Caller, error) {
	var (
		sess store.Session
		err  error
	)
	if party, guid, ok := instanceParams(c); ok {
		ctx, sess, err = h.opt.Store.GetSessionWith(ctx, token, party, guid)
	} else {
		sess, err = h.opt.Store.GetSession(ctx, token)
	}
	if err != nil {
		return ctx, Caller{}, err
	}
	return ctx, Caller{Kind: Person, UserID: sess.UserID, UserPartyID: sess.UserPartyID, PartyID: sess.PartyID,
		AuthLevel: sess.AuthLevel, ViaSession: true}, nil
}

// instanceParams returns the instance a route names in its :party and :guid
// parameters, when it names one that could exist (a party id and a GUID in its
// 36-character form), so that junk never reaches the database.
func instanceParams(c *gin.Context) (int64, string, bool) {
	guid := c.Param("guid")
	party, err := strconv.ParseInt(c.Param("party"), 10, 64)
	if err != nil || party <= 0 || len(guid) != 36 || uuid.Validate(guid) != nil {
		return 0, "", false
	}
	return party, guid, true
}

// sessionCookie reads the session token. Anything that cannot be a store token is
// refused here, so junk never reaches the database.
func (h *Handler) sessionCookie(r *http.Request) (string, error) {
	ck, err := r.Cookie(h.cookie.CookieName())
	if err != nil || len(ck.Value) != storeTokenLen {
		return "", authn.ErrNoSession
	}
	if _, err := base64.RawURLEncoding.DecodeString(ck.Value); err != nil {
		return "", authn.ErrNoSession
	}
	return ck.Value, nil
}
