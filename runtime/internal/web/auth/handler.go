// SPDX-License-Identifier: MIT

package auth

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/devidp"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
)

// ErrConfig reports Options that cannot work.
var ErrConfig = errors.New("auth: invalid configuration")

// Paths of the routes, relative to the public URL.
const (
	PathLogin         = "/login"
	PathCallback      = "/login/callback"
	PathLogout        = "/logout"
	PathParties       = "/parties"
	PathDevIdP        = "/devidp"
	PathToken         = "/authentication/api/v1/token"
	PathOpenID        = "/authentication/api/v1/openid/"
	PathConfiguration = PathOpenID + ".well-known/openid-configuration"
	PathJWKS          = PathConfiguration + "/jwks"
	PathJWKSShort     = PathOpenID + ".well-known/jwks"
)

// DevClientID is the client id the runtime registers at the built-in dev IdP.
const DevClientID = "blankett-runtime"

// OIDC configures login at an OpenID Provider.
type OIDC struct {
	// Issuer is the provider's issuer URL; empty disables login outside dev mode.
	Issuer string
	// ClientID and ClientSecret identify the runtime at the provider.
	ClientID, ClientSecret string
	// ACRValues asks for an assurance level, e.g. "idporten-loa-substantial".
	ACRValues string
	// StateKey signs the login-state cookie; all replicas must share it.
	StateKey []byte
}

// Options configure a Handler.
type Options struct {
	// Store holds users, parties, roles, sessions and machine clients.
	Store *store.Store
	// Log receives refusals and failures; never tokens.
	Log *slog.Logger
	// PublicURL is the external base URL without a trailing slash.
	PublicURL string
	// Dev enables the built-in dev IdP (when OIDC.Issuer is empty) and the seed's
	// organisations and roles at login.
	Dev bool
	// OIDC configures login.
	OIDC OIDC
	// Seed is the dev IdP's test data (dev mode only); nil means devidp.DefaultSeed.
	Seed *devidp.Seed
	// SigningKey signs platform tokens; zero disables the token and JWKS routes.
	SigningKey authn.SigningKey
	// Idle and Absolute are the session timeouts.
	Idle, Absolute time.Duration
	// Stylesheets are URLs the party page links (e.g. the Designsystemet CSS).
	Stylesheets []string
	// HTTPClient talks to the provider; default http.DefaultClient.
	HTTPClient *http.Client
}

// Handler serves the login and identity routes. Create it with New.
type Handler struct {
	opt    Options
	cookie authn.SessionCookie
	rp     *authn.LazyRP         // nil: login not configured
	devIdP http.Handler          // nil outside dev mode
	seed   *devidp.Seed          // nil outside dev mode
	issuer *authn.Issuer         // nil: tokens not configured
	grant  *authn.GrantExchanger // nil: tokens not configured
}

// New checks opts and builds the handler. It does not contact the provider: discovery
// runs at the first login, so the dev IdP on the same listener and a provider that is
// briefly down do not stop start-up.
func New(opts Options) (*Handler, error) {
	if opts.Store == nil || opts.Log == nil || opts.PublicURL == "" {
		return nil, fmt.Errorf("%w: store, log and public URL are required", ErrConfig)
	}
	if opts.Idle <= 0 || opts.Absolute <= 0 {
		return nil, fmt.Errorf("%w: session timeouts must be positive", ErrConfig)
	}
	h := &Handler{opt: opts, cookie: authn.SessionCookie{Insecure: strings.HasPrefix(opts.PublicURL, "http://")}}
	if opts.Dev {
		seed := devidp.DefaultSeed()
		if opts.Seed != nil {
			seed = *opts.Seed
		}
		h.seed = &seed
	}
	if err := h.setupLogin(); err != nil {
		return nil, err
	}
	if opts.SigningKey.ID != "" {
		if err := h.setupTokens(); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// setupLogin builds the relying party, and in dev mode without an issuer the dev IdP.
func (h *Handler) setupLogin() error {
	o := h.opt.OIDC
	redirect := h.opt.PublicURL + PathCallback
	if o.Issuer == "" && h.opt.Dev {
		o.Issuer = h.opt.PublicURL + PathDevIdP
		if o.ClientID == "" {
			o.ClientID = DevClientID
		}
		p, err := devidp.New(devidp.Options{Issuer: o.Issuer, Seed: h.seed,
			Clients: []devidp.Client{{ID: o.ClientID, Secret: o.ClientSecret, RedirectURIs: []string{redirect}}}})
		if err != nil {
			return fmt.Errorf("%w: dev IdP: %w", ErrConfig, err)
		}
		h.devIdP = p.Handler()
	}
	if o.Issuer == "" {
		return nil
	}
	if o.ClientID == "" {
		return fmt.Errorf("%w: an OIDC client id is required with an issuer", ErrConfig)
	}
	h.rp = authn.NewLazyRP(authn.Config{Issuer: o.Issuer, ClientID: o.ClientID, ClientSecret: o.ClientSecret,
		RedirectURL: redirect, ACRValues: o.ACRValues, StateKey: o.StateKey,
		LoginCookie: authn.SessionCookie{Insecure: h.cookie.Insecure}, HTTPClient: h.opt.HTTPClient})
	return nil
}

// setupTokens builds the platform-token issuer and the JWT grant exchanger.
func (h *Handler) setupTokens() error {
	iss, err := authn.NewIssuer(authn.IssuerConfig{Issuer: h.opt.PublicURL + PathOpenID, Key: h.opt.SigningKey})
	if err != nil {
		return fmt.Errorf("%w: %w", ErrConfig, err)
	}
	g, err := authn.NewGrantExchanger(authn.GrantConfig{Audience: h.opt.PublicURL + PathToken, Issuer: iss})
	if err != nil {
		return fmt.Errorf("%w: %w", ErrConfig, err)
	}
	h.issuer, h.grant = iss, g
	return nil
}

// Issuer returns the platform-token issuer, or nil when no signing key is configured.
func (h *Handler) Issuer() *authn.Issuer { return h.issuer }

// LoginEnabled reports whether people can log in.
func (h *Handler) LoginEnabled() bool { return h.rp != nil }

// CookieName is the name of the session cookie.
func (h *Handler) CookieName() string { return h.cookie.CookieName() }

// Mount adds the routes to r. The identity middleware is not installed globally: wrap
// the routes that need a caller with Session, Bearer or Authenticate.
func (h *Handler) Mount(r gin.IRoutes) {
	r.GET(PathLogin, h.login)
	r.GET(PathCallback, h.callback)
	r.POST(PathLogout, h.Session(), h.logout)
	r.GET(PathParties, h.Session(), h.partiesPage)
	r.POST(PathParties, h.Session(), h.selectParty)
	r.POST(PathToken, h.token)
	r.GET(PathExchangeIDPorten, h.exchange)
	r.GET(PathConfiguration, h.configuration)
	r.GET(PathJWKS, h.jwks)
	r.GET(PathJWKSShort, h.jwks)
	if h.devIdP != nil {
		r.GET(PathDevIdP+"/*rest", gin.WrapH(h.devIdP))
		r.POST(PathDevIdP+"/*rest", gin.WrapH(h.devIdP))
	}
}
