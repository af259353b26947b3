// SPDX-License-Identifier: MIT

package api

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/gin-gonic/gin"
)

// Cookie names of studio's session. They differ from the runtime's, so a person logged
// in to both on one host keeps two independent sessions.
const (
	SessionCookieName         = "__Host-blankett_studio"
	InsecureSessionCookieName = "blankett_studio"
)

// SessionCookie returns studio's session cookie; insecure is for plain-http dev only.
func SessionCookie(insecure bool) authn.SessionCookie {
	if insecure {
		return authn.SessionCookie{Name: InsecureSessionCookieName, Insecure: true}
	}
	return authn.SessionCookie{Name: SessionCookieName}
}

// Sessions is what Identify needs from accounts.
type Sessions interface {
	account.Authenticator
	SessionPrincipal(ctx context.Context, token string) (account.Principal, error)
}

// Method tells how the caller authenticated.
type Method string

// The authentication methods.
const (
	MethodSession  Method = "session"
	MethodToken    Method = "token"
	MethodPassword Method = "password"
)

type principalKey struct{}

type caller struct {
	p      account.Principal
	method Method
	token  string // the session token, for logout
}

// Identify finds the caller: an Authorization header (Bearer token, or Basic with a
// password or token) wins over the session cookie. Bad credentials in the header are
// answered 401 at once; a stale cookie only leaves the request anonymous, so the login
// route still works with it.
func Identify(s Sessions, cookie authn.SessionCookie) gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx := c.Request.Context()
		var who caller
		var err error
		if h := c.GetHeader("Authorization"); h != "" {
			who, err = fromHeader(ctx, s, h)
			if err != nil {
				challenge(c)
				Fail(c, err)
				return
			}
		} else if token, cerr := cookie.Token(c.Request); cerr == nil {
			p, err := s.SessionPrincipal(ctx, token)
			switch {
			case err == nil:
				who = caller{p: p, method: MethodSession, token: token}
			case !errors.Is(err, account.ErrBadCredentials):
				Fail(c, err)
				return
			}
		}
		if who.p.UserID != 0 {
			c.Request = c.Request.WithContext(context.WithValue(ctx, principalKey{}, who))
		}
		c.Next()
	}
}

func fromHeader(ctx context.Context, s Sessions, h string) (caller, error) {
	scheme, rest, _ := strings.Cut(h, " ")
	switch {
	case strings.EqualFold(scheme, "Bearer"):
		p, err := s.Authenticate(ctx, "", strings.TrimSpace(rest))
		if err == nil && p.TokenID == 0 {
			// Bearer carries tokens only, never a password.
			err = account.ErrBadCredentials
		}
		return caller{p: p, method: MethodToken}, err
	case strings.EqualFold(scheme, "Basic"):
		r := http.Request{Header: http.Header{"Authorization": {h}}}
		user, pass, ok := r.BasicAuth()
		if !ok {
			return caller{}, account.ErrBadCredentials
		}
		p, err := s.Authenticate(ctx, user, pass)
		m := MethodPassword
		if p.TokenID != 0 {
			m = MethodToken
		}
		return caller{p: p, method: m}, err
	}
	return caller{}, account.ErrBadCredentials
}

// RequireUser answers 401 unless Identify found a caller.
func RequireUser() gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, ok := PrincipalFrom(c.Request.Context()); !ok {
			challenge(c)
			httpx.Abort(c, http.StatusUnauthorized, CodeLoginRequired, "Log in, or send a personal API token.")
			return
		}
		c.Next()
	}
}

// PrincipalFrom returns the caller Identify found.
func PrincipalFrom(ctx context.Context) (account.Principal, bool) {
	who, ok := ctx.Value(principalKey{}).(caller)
	return who.p, ok
}

// MethodFrom returns how the caller authenticated, "" when anonymous.
func MethodFrom(ctx context.Context) Method {
	who, _ := ctx.Value(principalKey{}).(caller)
	return who.method
}

// SessionTokenFrom returns the session token of a cookie-authenticated caller.
func SessionTokenFrom(ctx context.Context) string {
	who, _ := ctx.Value(principalKey{}).(caller)
	return who.token
}

// NoStore marks every response private and uncacheable: studio's API answers with
// personal data and secrets.
func NoStore() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header("Cache-Control", "no-store")
		c.Next()
	}
}

// challenge asks for Basic credentials, except on a script's fetch from a page:
// browsers answer a Basic challenge with their own password dialog (or, headless,
// by hanging), which would hide the designer's login screen. git and curl send no
// Sec-Fetch-Mode, and a top-level navigation sends "navigate"; both still get it.
func challenge(c *gin.Context) {
	if m := c.GetHeader("Sec-Fetch-Mode"); m != "" && m != "navigate" {
		return
	}
	c.Header("WWW-Authenticate", `Basic realm="Blankett Studio", charset="UTF-8"`)
}
