// SPDX-License-Identifier: MIT

package authn

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Config configures a relying party.
type Config struct {
	// Issuer is the OpenID Provider's issuer URL; discovery runs against it.
	Issuer string
	// ClientID and ClientSecret identify us at the provider. ClientSecret may be empty
	// for a public client; it is never logged or put in errors.
	ClientID, ClientSecret string
	// RedirectURL is our callback URL as registered at the provider.
	RedirectURL string
	// Scopes are requested in addition to "openid".
	Scopes []string
	// ACRValues asks for an assurance level, e.g. "idporten-loa-high".
	ACRValues string
	// StateKey signs the login-state cookie (at least 32 bytes). All replicas must share
	// it; when empty a random key is made, which works for a single process only.
	StateKey []byte
	// LoginCookie names the login-state cookie; its zero value is
	// __Host-blankett_login, Secure (see SessionCookie for local http).
	LoginCookie SessionCookie
	// LoginTTL bounds the time between Begin and the callback; default 10 minutes.
	LoginTTL time.Duration
	// Now is the clock for the login state and ID token checks; default time.Now.
	Now func() time.Time
	// HTTPClient is used for discovery, JWKS and the code exchange; default
	// http.DefaultClient.
	HTTPClient *http.Client
}

// RP is an OpenID Connect relying party: authorization code flow with PKCE (S256),
// state and nonce. It is safe for concurrent use.
type RP struct {
	cfg      Config
	oauth    oauth2.Config
	verifier *oidc.IDTokenVerifier
	// access checks tokens the provider issued to any client (VerifyAccessToken).
	access *oidc.IDTokenVerifier
}

// NewRP runs discovery against cfg.Issuer and builds the relying party.
func NewRP(ctx context.Context, cfg Config) (*RP, error) {
	if cfg.Issuer == "" || cfg.ClientID == "" || cfg.RedirectURL == "" {
		return nil, fmt.Errorf("%w: issuer, client id and redirect URL are required", ErrInvalidConfig)
	}
	if err := cfg.LoginCookie.Validate(); err != nil {
		return nil, err
	}
	if cfg.LoginCookie.Name == "" {
		cfg.LoginCookie.Name = loginCookieName(cfg.LoginCookie.Insecure)
	}
	switch n := len(cfg.StateKey); {
	case n == 0:
		cfg.StateKey = []byte(rand.Text() + rand.Text())
	case n < 32:
		return nil, fmt.Errorf("%w: state key must be at least 32 bytes", ErrInvalidConfig)
	}
	if cfg.LoginTTL == 0 {
		cfg.LoginTTL = 10 * time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = http.DefaultClient
	}
	provider, err := oidc.NewProvider(oidc.ClientContext(ctx, cfg.HTTPClient), cfg.Issuer)
	if err != nil {
		return nil, fmt.Errorf("%w: discovery at %s failed: %v", ErrInvalidConfig, cfg.Issuer, err)
	}
	rp := &RP{cfg: cfg}
	rp.oauth = oauth2.Config{
		ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret, RedirectURL: cfg.RedirectURL,
		Endpoint: provider.Endpoint(), Scopes: append([]string{oidc.ScopeOpenID}, cfg.Scopes...),
	}
	keyCtx := oidc.ClientContext(context.WithoutCancel(ctx), cfg.HTTPClient)
	rp.verifier = provider.VerifierContext(keyCtx, &oidc.Config{ClientID: cfg.ClientID, Now: cfg.Now})
	rp.access = provider.VerifierContext(keyCtx, &oidc.Config{SkipClientIDCheck: true, Now: cfg.Now})
	return rp, nil
}

// Identity is the verified result of a login.
type Identity struct {
	// Subject is the provider's "sub".
	Subject string
	// NationalID is "pid", the national identity number.
	NationalID string
	// Name is "name", when the provider sends it.
	Name string
	// ACR is the assurance level as the provider names it; AuthLevel is Altinn's 0–4.
	ACR       string
	AuthLevel int
	// AMR lists the authentication methods.
	AMR []string
	// AuthTime is when the user authenticated; Expiry is the ID token's expiry.
	AuthTime, Expiry time.Time
	// ReturnTo is the local path given to Begin.
	ReturnTo string
	// ClientID is the provider's client the token was issued to
	// (VerifyAccessToken only).
	ClientID string
}

// LoginState is what must survive from AuthCodeURL to the callback. Begin keeps it in a
// signed cookie; callers with their own storage may use NewLoginState, AuthCodeURL and
// ExchangeWith directly. It holds the PKCE verifier: keep it server-side or in an
// HttpOnly cookie, never in a URL or a log.
type LoginState struct {
	State, Nonce, Verifier string
	ReturnTo               string
}

// NewLoginState makes fresh random state, nonce and PKCE verifier. returnTo must be a
// local path; anything else becomes "/" so the callback cannot be an open redirect.
func NewLoginState(returnTo string) LoginState {
	return LoginState{State: rand.Text(), Nonce: rand.Text(), Verifier: oauth2.GenerateVerifier(),
		ReturnTo: localPath(returnTo)}
}

// AuthCodeURL returns the provider URL to send the browser to.
func (rp *RP) AuthCodeURL(ls LoginState) string {
	opts := []oauth2.AuthCodeOption{oidc.Nonce(ls.Nonce), oauth2.S256ChallengeOption(ls.Verifier)}
	if rp.cfg.ACRValues != "" {
		opts = append(opts, oauth2.SetAuthURLParam("acr_values", rp.cfg.ACRValues))
	}
	return rp.oauth.AuthCodeURL(ls.State, opts...)
}

// Begin starts a login: it sets the signed login-state cookie on w and returns the URL
// to redirect to.
func (rp *RP) Begin(w http.ResponseWriter, returnTo string) (string, error) {
	ls := NewLoginState(returnTo)
	value, err := rp.sealState(ls)
	if err != nil {
		return "", err
	}
	ck := rp.cfg.LoginCookie.cookie(value, rp.cfg.Now().Add(rp.cfg.LoginTTL))
	http.SetCookie(w, ck)
	return rp.AuthCodeURL(ls), nil
}

// Exchange completes a login started with Begin: it reads the login-state cookie from r
// and calls ExchangeWith. Call ClearLoginState on the response afterwards, success or not.
func (rp *RP) Exchange(ctx context.Context, r *http.Request) (*Identity, error) {
	ck, err := r.Cookie(rp.cfg.LoginCookie.CookieName())
	if err != nil {
		return nil, fmt.Errorf("%w: cookie absent", ErrLoginState)
	}
	ls, err := rp.openState(ck.Value)
	if err != nil {
		return nil, err
	}
	return rp.ExchangeWith(ctx, r, ls)
}

// ClearLoginState deletes the login-state cookie.
func (rp *RP) ClearLoginState(w http.ResponseWriter) {
	ck := rp.cfg.LoginCookie.cookie("", time.Unix(0, 0))
	ck.MaxAge = -1
	http.SetCookie(w, ck)
}

// ExchangeWith completes a login whose state the caller kept: it checks the callback's
// state, redeems the code with the PKCE verifier, verifies the ID token (signature,
// issuer, audience, expiry) and its nonce, and returns the identity.
func (rp *RP) ExchangeWith(ctx context.Context, r *http.Request, ls LoginState) (*Identity, error) {
	q := r.URL.Query()
	if e := q.Get("error"); e != "" {
		return nil, fmt.Errorf("%w: %s", ErrProviderError, safeCode(e))
	}
	if ls.State == "" || subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(ls.State)) != 1 {
		return nil, ErrStateMismatch
	}
	code := q.Get("code")
	if code == "" {
		return nil, fmt.Errorf("%w: callback without code", ErrCodeExchange)
	}
	ctx = oidcContext(ctx, rp)
	tok, err := rp.oauth.Exchange(ctx, code, oauth2.VerifierOption(ls.Verifier))
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) && re.ErrorCode != "" {
			return nil, fmt.Errorf("%w: %s", ErrCodeExchange, safeCode(re.ErrorCode))
		}
		return nil, fmt.Errorf("%w: token endpoint unreachable or unreadable", ErrCodeExchange)
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return nil, fmt.Errorf("%w: no id_token in token response", ErrIDToken)
	}
	idt, err := rp.verifier.Verify(ctx, raw)
	if err != nil {
		return nil, idTokenError(err)
	}
	if ls.Nonce == "" || subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(ls.Nonce)) != 1 {
		return nil, ErrNonceMismatch
	}
	var c struct {
		PID      string   `json:"pid"`
		Name     string   `json:"name"`
		ACR      string   `json:"acr"`
		AMR      []string `json:"amr"`
		AuthTime int64    `json:"auth_time"`
	}
	if err := idt.Claims(&c); err != nil {
		return nil, fmt.Errorf("%w: claims unreadable", ErrIDToken)
	}
	if idt.Subject == "" || c.PID == "" {
		return nil, fmt.Errorf("%w: sub and pid are required", ErrMissingClaim)
	}
	return &Identity{Subject: idt.Subject, NationalID: c.PID, Name: c.Name, ACR: c.ACR, AuthLevel: AuthLevelFromACR(c.ACR),
		AMR: c.AMR, AuthTime: time.Unix(c.AuthTime, 0), Expiry: idt.Expiry, ReturnTo: ls.ReturnTo}, nil
}

// oidcContext makes go-oidc and oauth2 use the RP's HTTP client.
func oidcContext(ctx context.Context, rp *RP) context.Context {
	return oidc.ClientContext(ctx, rp.cfg.HTTPClient)
}

func idTokenError(err error) error {
	var exp *oidc.TokenExpiredError
	if errors.As(err, &exp) {
		return fmt.Errorf("%w: %w", ErrIDToken, ErrTokenExpired)
	}
	// go-oidc's messages name the expected and actual issuer or audience, never the token.
	return fmt.Errorf("%w: %v", ErrIDToken, err)
}
