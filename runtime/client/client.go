// SPDX-License-Identifier: MIT

package client

import (
	"context"
	"crypto"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// API paths, relative to the base URL.
const (
	PathToken     = "/authentication/api/v1/token"
	PathInstances = "/storage/api/v1/instances"
)

// Scopes a service owner needs to pull and confirm instances.
const (
	ScopeInstancesRead  = "altinn:serviceowner/instances.read"
	ScopeInstancesWrite = "altinn:serviceowner/instances.write"
)

// DefaultScopes are requested when WithScopes is not given.
var DefaultScopes = []string{ScopeInstancesRead, ScopeInstancesWrite}

// Client calls one Blankett runtime. It is safe for concurrent use.
type Client struct {
	base      *url.URL
	http      *http.Client
	userAgent string
	retry     retryPolicy

	clientID string
	key      crypto.Signer
	keyID    string
	scopes   []string
	static   string

	mu     sync.Mutex // guards tok; held while a token is fetched
	tok    string
	tokExp time.Time
	now    func() time.Time
}

// Option configures a Client.
type Option func(*Client) error

// New returns a client for the runtime at baseURL (scheme and host, optionally
// a path prefix).
func New(baseURL string, opts ...Option) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(baseURL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: base URL %q must be an absolute http(s) URL", ErrConfig, baseURL)
	}
	c := &Client{base: u, http: &http.Client{Timeout: 0}, userAgent: "blankett-client", retry: defaultRetry,
		scopes: DefaultScopes, now: time.Now}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// WithHTTPClient sets the HTTP client (default: a client without timeout, as
// downloads may be long; cancel through the context).
func WithHTTPClient(h *http.Client) Option {
	return func(c *Client) error {
		if h == nil {
			return fmt.Errorf("%w: nil HTTP client", ErrConfig)
		}
		c.http = h
		return nil
	}
}

// WithClientKey authenticates as the machine client clientID, signing the
// JWT grant's assertions with key: an ed25519.PrivateKey, *rsa.PrivateKey or
// *ecdsa.PrivateKey on P-256 (see ParsePrivateKeyPEM).
func WithClientKey(clientID string, key crypto.Signer) Option {
	return func(c *Client) error {
		if clientID == "" {
			return fmt.Errorf("%w: empty client id", ErrConfig)
		}
		if err := checkKey(key); err != nil {
			return err
		}
		c.clientID, c.key = clientID, key
		return nil
	}
}

// WithKeyID sets the "kid" header of the assertions, needed when the client
// has registered more than one key for an algorithm.
func WithKeyID(kid string) Option {
	return func(c *Client) error { c.keyID = kid; return nil }
}

// WithScopes sets the scopes requested with the token (default DefaultScopes).
func WithScopes(scopes ...string) Option {
	return func(c *Client) error {
		if len(scopes) == 0 {
			return fmt.Errorf("%w: no scopes", ErrConfig)
		}
		c.scopes = scopes
		return nil
	}
}

// WithToken uses a platform token obtained elsewhere instead of the JWT grant.
func WithToken(token string) Option {
	return func(c *Client) error { c.static = token; return nil }
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option {
	return func(c *Client) error { c.userAgent = ua; return nil }
}

// WithRetry sets how often idempotent calls are retried and the first backoff
// delay, which doubles per attempt (with jitter) up to 30 times base. Retries
// 0 turns retrying off.
func WithRetry(retries int, base time.Duration) Option {
	return func(c *Client) error {
		if retries < 0 || base < 0 {
			return fmt.Errorf("%w: negative retry setting", ErrConfig)
		}
		c.retry = retryPolicy{retries: retries, base: base}
		return nil
	}
}

// BaseURL returns the base URL the client calls.
func (c *Client) BaseURL() string { return c.base.String() }

// TokenURL returns the absolute URL of the token endpoint, the audience of the
// client's assertions.
func (c *Client) TokenURL() string { return c.base.String() + PathToken }

// url resolves an API path or an absolute URL the server handed out (next,
// selfLinks). Absolute URLs must stay on the base URL's host, so a token is
// never sent elsewhere.
func (c *Client) url(ref string) (string, error) {
	if strings.HasPrefix(ref, "/") {
		return c.base.String() + ref, nil
	}
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != c.base.Scheme || u.Host != c.base.Host {
		return "", fmt.Errorf("%w: link %q is not on %s", ErrProtocol, ref, c.base.Host)
	}
	return u.String(), nil
}

// newRequest builds an authenticated request.
func (c *Client) newRequest(ctx context.Context, method, ref string) (*http.Request, error) {
	u, err := c.url(ref)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	tok, err := c.Token(ctx)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("User-Agent", c.userAgent)
	return req, nil
}
