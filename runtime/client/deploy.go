// SPDX-License-Identifier: MIT

package client

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// PathApps is the deploy API's base path.
const PathApps = "/runtime/api/v1/apps"

// ScopeDeploy is the scope a service owner's machine client needs to deploy,
// list and undeploy its org's releases; ask for it with WithScopes.
const ScopeDeploy = "blankett:deploy"

// Release is an app release loaded by the runtime.
type Release struct {
	ID         string    `json:"id"`
	Org        string    `json:"org"`
	App        string    `json:"app"`
	Version    string    `json:"version"`
	SHA256     string    `json:"sha256"`
	Size       int64     `json:"size"`
	DeployedAt time.Time `json:"deployedAt"`
	DeployedBy string    `json:"deployedBy"`
	// Active is false once undeployed; Current marks the version new instances get.
	Active  bool `json:"active"`
	Current bool `json:"current"`
	// Local marks a release the runtime loads from a directory (--app).
	Local bool `json:"local"`
	// Warnings counts lint warnings; Findings lists them, on Release and Deploy
	// answers only.
	Warnings int       `json:"warnings"`
	Findings []Finding `json:"findings,omitempty"`
	// Created is set by Deploy: true for a new release, false when the same
	// bundle was deployed before and is now current again.
	Created bool `json:"-"`
}

// Finding is one lint finding of an app.
type Finding struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Location string `json:"location"`
	Message  string `json:"message"`
}

// DeployError is a refused deploy: the API error and, for an app that lint
// refused, one Finding per error (Severity "error"). errors.As finds the
// *APIError in it too.
type DeployError struct {
	*APIError
	Findings []Finding
}

// Unwrap returns the API error.
func (e *DeployError) Unwrap() error { return e.APIError }

// Deploy uploads bundle (see PackDir) as version of org/app and returns the
// release, now current. The same bundle under the same version again is not an
// error (Created is false); a refusal is a *DeployError.
func (c *Client) Deploy(ctx context.Context, org, app, version string, bundle []byte) (Release, error) {
	ref := releasePath(org, app, version)
	var rel Release
	err := c.retry.do(ctx, func() error {
		res, err := c.sendBody(ctx, http.MethodPut, ref, "application/gzip", bundle)
		if err != nil {
			return err
		}
		defer res.Body.Close()
		rel = Release{}
		if err := decodeBody(res, &rel); err != nil {
			return err
		}
		rel.Created = res.StatusCode == http.StatusCreated
		return nil
	})
	return rel, err
}

// Releases lists the releases of the caller's org, or of one app when app is
// not empty, by app and deploy time.
func (c *Client) Releases(ctx context.Context, org, app string) ([]Release, error) {
	ref := PathApps
	if app != "" {
		ref += "/" + url.PathEscape(org) + "/" + url.PathEscape(app) + "/releases"
	}
	var out struct {
		Releases []Release `json:"releases"`
	}
	if err := c.getJSON(ctx, ref, &out); err != nil {
		return nil, err
	}
	return out.Releases, nil
}

// Release reads one release with its lint findings.
func (c *Client) Release(ctx context.Context, org, app, version string) (Release, error) {
	var rel Release
	err := c.getJSON(ctx, releasePath(org, app, version), &rel)
	return rel, err
}

// Undeploy takes a version out of service: no new instances get it, while the
// instances created with it keep working. With purge, an undeployed version that
// no instance uses is removed for good.
func (c *Client) Undeploy(ctx context.Context, org, app, version string, purge bool) error {
	ref := releasePath(org, app, version)
	if purge {
		ref += "?purge=true"
	}
	return c.retry.do(ctx, func() error {
		res, err := c.sendBody(ctx, http.MethodDelete, ref, "", nil)
		if err != nil {
			return err
		}
		return res.Body.Close()
	})
}

func releasePath(org, app, version string) string {
	return PathApps + "/" + url.PathEscape(org) + "/" + url.PathEscape(app) + "/releases/" + url.PathEscape(version)
}

// sendBody is send with a request body, sent again in full on each attempt;
// a failure is a *DeployError carrying the problem's field errors.
func (c *Client) sendBody(ctx context.Context, method, ref, contentType string, body []byte) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		req, err := c.newRequest(ctx, method, ref)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "application/json")
		if body != nil {
			req.Body = io.NopCloser(bytes.NewReader(body))
			req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
			req.ContentLength = int64(len(body))
			req.Header.Set("Content-Type", contentType)
			req.Header.Set("Content-Length", strconv.Itoa(len(body)))
		}
		res, err := c.http.Do(req)
		if err != nil {
			return nil, err
		}
		if res.StatusCode >= 200 && res.StatusCode < 300 {
			return res, nil
		}
		err = deployError(res)
		res.Body.Close()
		if res.StatusCode == http.StatusUnauthorized && c.static == "" && attempt == 0 {
			c.forgetToken(strings.TrimPrefix(req.Header.Get("Authorization"), "Bearer "))
			continue
		}
		return nil, err
	}
}

// deployError decodes a failed response as decodeError does, keeping the
// problem's errors as findings.
func deployError(res *http.Response) error {
	raw, _ := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	res.Body = io.NopCloser(bytes.NewReader(raw))
	err := decodeError(res)
	ae, ok := err.(*APIError)
	if !ok {
		return err // a retryAfter wrapper: the status was temporary
	}
	de := &DeployError{APIError: ae}
	var p struct {
		Errors []struct{ Field, Code, Detail string } `json:"errors"`
	}
	if json.Unmarshal(raw, &p) == nil {
		for _, e := range p.Errors {
			de.Findings = append(de.Findings, Finding{Severity: "error", Code: e.Code, Location: e.Field, Message: e.Detail})
		}
	}
	return de
}
