// SPDX-License-Identifier: MIT

package deploy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Paths at the runtime.
const (
	pathApps  = "/runtime/api/v1/apps"
	pathToken = "/authentication/api/v1/token"
)

// Client deploys to one environment's runtime. It is safe for concurrent use.
type Client struct {
	env  Env
	http *http.Client
	now  func() time.Time

	mu         sync.Mutex
	tokens     map[string]cachedToken // by org
	registered map[string]bool
}

type cachedToken struct {
	tok string
	exp time.Time
}

// NewClient returns a client of env's runtime; hc nil means a client with a
// two-minute time-out (bundles are small, but a runtime lints what it gets).
func NewClient(env Env, hc *http.Client) *Client {
	if hc == nil {
		hc = &http.Client{Timeout: 2 * time.Minute}
	}
	return &Client{env: env, http: hc, now: time.Now, tokens: map[string]cachedToken{}, registered: map[string]bool{}}
}

// Env returns the client's environment.
func (c *Client) Env() Env { return c.env }

// ClientID is the machine client studio speaks as for org.
func (c *Client) ClientID(org string) string { return c.env.ClientPrefix + org }

// Deploy uploads bundle as version of org/app; the same bundle again is not
// an error.
func (c *Client) Deploy(ctx context.Context, org, app, version string, bundle []byte) error {
	res, err := c.do(ctx, org, http.MethodPut, releasePath(org, app, version), "application/gzip", bundle)
	if err != nil {
		return err
	}
	return res.Body.Close()
}

// Undeploy takes version out of service at the runtime (instances created with
// it keep working).
func (c *Client) Undeploy(ctx context.Context, org, app, version string) error {
	res, err := c.do(ctx, org, http.MethodDelete, releasePath(org, app, version), "", nil)
	if err != nil {
		return err
	}
	return res.Body.Close()
}

// Releases lists org/app's releases at the runtime.
func (c *Client) Releases(ctx context.Context, org, app string) ([]Release, error) {
	res, err := c.do(ctx, org, http.MethodGet, pathApps+"/"+url.PathEscape(org)+"/"+url.PathEscape(app)+"/releases", "", nil)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var out struct {
		Releases []Release `json:"releases"`
	}
	if err := json.NewDecoder(io.LimitReader(res.Body, 8<<20)).Decode(&out); err != nil {
		return nil, fmt.Errorf("%w: %s: releases: %w", ErrUnreachable, c.env.Name, err)
	}
	return out.Releases, nil
}

func releasePath(org, app, version string) string {
	return pathApps + "/" + url.PathEscape(org) + "/" + url.PathEscape(app) + "/releases/" + url.PathEscape(version)
}

// do sends one authenticated request; a 401 drops the cached token and tries
// once more with a new one (the runtime may have restarted with a new key).
func (c *Client) do(ctx context.Context, org, method, ref, ct string, body []byte) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		tok, err := c.token(ctx, org)
		if err != nil {
			return nil, err
		}
		req, err := http.NewRequestWithContext(ctx, method, c.env.URL+ref, bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrUnreachable, c.env.Name, err)
		}
		if body == nil {
			req.Body, req.ContentLength = http.NoBody, 0
		}
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Accept", "application/json")
		if ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		res, err := c.http.Do(req)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrUnreachable, c.env.Name, err)
		}
		if res.StatusCode < 300 {
			return res, nil
		}
		err = refused(c.env.Name, res)
		res.Body.Close()
		if res.StatusCode == http.StatusUnauthorized && attempt == 0 {
			c.forget(org)
			continue
		}
		return nil, err
	}
}

// refused turns an error answer into ErrRefused with the problem's code,
// detail and field errors (a runtime's lint errors), never the token.
func refused(env string, res *http.Response) error {
	var p struct {
		Code   string `json:"code"`
		Detail string `json:"detail"`
		Errors []struct {
			Field, Detail string
		} `json:"errors"`
	}
	raw, _ := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if json.Unmarshal(raw, &p) != nil || p.Code == "" {
		return fmt.Errorf("%w: %s: HTTP %d", ErrRefused, env, res.StatusCode)
	}
	msg := p.Code
	if p.Detail != "" {
		msg += ": " + p.Detail
	}
	for _, e := range p.Errors {
		msg += "; " + strings.TrimSpace(e.Field+" "+e.Detail)
	}
	return fmt.Errorf("%w: %s: HTTP %d %s", ErrRefused, env, res.StatusCode, msg)
}
