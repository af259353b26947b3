// SPDX-License-Identifier: MIT

package client

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// problem is the problem+json body (and the OAuth error's fields).
type problem struct {
	Title   string `json:"title"`
	Status  int    `json:"status"`
	Detail  string `json:"detail"`
	Code    string `json:"code"`
	TraceID string `json:"traceId"`
	// OAuth 2.0 error fields of the token endpoint.
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
}

// decodeError turns a failed response into an *APIError; it reads at most
// 64 KiB of the body.
func decodeError(res *http.Response) error {
	e := &APIError{Status: res.StatusCode, Title: http.StatusText(res.StatusCode)}
	mt, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
	if mt == "application/problem+json" || mt == "application/json" {
		var p problem
		if json.NewDecoder(io.LimitReader(res.Body, 64<<10)).Decode(&p) == nil {
			e.Code, e.Detail, e.TraceID = p.Code, p.Detail, p.TraceID
			if p.Title != "" {
				e.Title = p.Title
			}
			if e.Code == "" {
				e.Code, e.Detail = p.Error, p.ErrorDescription
			}
		}
	}
	return withRetryAfter(res, e)
}

// send makes one authenticated request; a 401 with a cached grant token drops
// that token and tries once more with a new one. The caller closes the body of
// a 2xx response; other statuses come back as *APIError.
func (c *Client) send(ctx context.Context, method, ref string, header http.Header) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		req, err := c.newRequest(ctx, method, ref)
		if err != nil {
			return nil, err
		}
		for k, v := range header {
			req.Header[k] = v
		}
		res, err := c.http.Do(req)
		if err != nil {
			return nil, err
		}
		if res.StatusCode >= 200 && res.StatusCode < 300 {
			return res, nil
		}
		err = decodeError(res)
		res.Body.Close()
		if res.StatusCode == http.StatusUnauthorized && c.static == "" && attempt == 0 {
			c.forgetToken(strings.TrimPrefix(req.Header.Get("Authorization"), "Bearer "))
			continue
		}
		return nil, err
	}
}

// getJSON GETs ref into v, retrying per the client's policy.
func (c *Client) getJSON(ctx context.Context, ref string, v any) error {
	return c.retry.do(ctx, func() error {
		res, err := c.send(ctx, http.MethodGet, ref, http.Header{"Accept": {"application/json"}})
		if err != nil {
			return err
		}
		defer res.Body.Close()
		return decodeBody(res, v)
	})
}

func decodeBody(res *http.Response, v any) error {
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		return fmt.Errorf("%w: decode %s: %w", ErrProtocol, res.Request.URL.Path, err)
	}
	return nil
}
