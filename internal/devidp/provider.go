// SPDX-License-Identifier: MIT

package devidp

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/blankett/blankett/internal/authn"
)

// Sentinel errors of the provider's configuration.
var (
	// ErrConfig reports options that cannot work.
	ErrConfig = errors.New("devidp: invalid configuration")
)

// Client is a relying party registered with the dev IdP.
type Client struct {
	ID string
	// Secret is empty for public clients; PKCE is required either way.
	Secret string
	// RedirectURIs are compared exactly, as OAuth 2.1 requires.
	RedirectURIs []string
}

// Options configures a Provider.
type Options struct {
	// Issuer is the absolute URL the provider is mounted at, e.g.
	// "http://localhost:8080/devidp". Routes are served below its path.
	Issuer string
	// Seed holds the test users; zero means DefaultSeed.
	Seed *Seed
	// Clients are the registered relying parties.
	Clients []Client
	// Key signs tokens; zero means a fresh key per start.
	Key authn.SigningKey
	// CodeTTL is the lifetime of authorization codes; default 60 s.
	CodeTTL time.Duration
	// TokenTTL is the lifetime of ID and access tokens; default 10 minutes.
	TokenTTL time.Duration
	// Now is the clock; default time.Now. Tests move it to produce expired tokens.
	Now func() time.Time
}

// Provider is the dev OpenID Provider. Create it with New and mount Handler.
type Provider struct {
	issuer   string
	base     string // path prefix of the issuer URL, without trailing slash
	seed     Seed
	clients  map[string]Client
	key      authn.SigningKey
	keys     *authn.KeySet
	codes    *codeStore
	tokenTTL time.Duration
	now      func() time.Time
}

// New checks opts and builds a Provider.
func New(opts Options) (*Provider, error) {
	u, err := url.Parse(opts.Issuer)
	if err != nil || !u.IsAbs() || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("%w: issuer must be an absolute URL without query", ErrConfig)
	}
	p := &Provider{
		issuer:   strings.TrimSuffix(opts.Issuer, "/"),
		base:     strings.TrimSuffix(u.Path, "/"),
		clients:  map[string]Client{},
		key:      opts.Key,
		tokenTTL: opts.TokenTTL,
		now:      opts.Now,
	}
	if opts.Seed != nil {
		if err := opts.Seed.validate(); err != nil {
			return nil, err
		}
		p.seed = *opts.Seed
	} else {
		p.seed = DefaultSeed()
	}
	for _, c := range opts.Clients {
		if c.ID == "" || len(c.RedirectURIs) == 0 {
			return nil, fmt.Errorf("%w: client %q needs an id and redirect URIs", ErrConfig, c.ID)
		}
		p.clients[c.ID] = c
	}
	if p.key.ID == "" {
		if p.key, err = authn.GenerateSigningKey(); err != nil {
			return nil, err
		}
	}
	if p.keys, err = authn.NewKeySet(p.key.Public()); err != nil {
		return nil, err
	}
	if p.now == nil {
		p.now = time.Now
	}
	if p.tokenTTL == 0 {
		p.tokenTTL = 10 * time.Minute
	}
	ttl := opts.CodeTTL
	if ttl == 0 {
		ttl = time.Minute
	}
	p.codes = newCodeStore(ttl, 10_000)
	return p, nil
}

// Issuer returns the issuer URL.
func (p *Provider) Issuer() string { return p.issuer }

// Seed returns the provider's test data, e.g. for a dev-mode party and role lookup.
func (p *Provider) Seed() Seed { return p.seed }

// Handler serves the provider's endpoints below the issuer path.
func (p *Provider) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+p.base+"/.well-known/openid-configuration", p.discovery)
	mux.Handle("GET "+p.base+"/jwks", authn.JWKSHandler(p.keys))
	mux.HandleFunc("GET "+p.base+"/authorize", p.authorizePage)
	mux.HandleFunc("POST "+p.base+"/authorize", p.authorizeSubmit)
	mux.HandleFunc("POST "+p.base+"/token", p.token)
	mux.HandleFunc("GET "+p.base+"/userinfo", p.userinfo)
	return mux
}

func (p *Provider) client(id, redirectURI string) (Client, bool) {
	c, ok := p.clients[id]
	return c, ok && slices.Contains(c.RedirectURIs, redirectURI)
}

// acr values and the Altinn auth level they stand for.
const (
	acrSubstantial = "idporten-loa-substantial"
	acrHigh        = "idporten-loa-high"
)

// AuthLevel maps an acr value to Altinn's authentication level, exactly as the relying
// party does (authn.AuthLevelFromACR).
func AuthLevel(acr string) int { return authn.AuthLevelFromACR(acr) }
