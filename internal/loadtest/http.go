// SPDX-License-Identifier: MIT

package loadtest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// NewHTTPClient returns a client whose connection pool keeps one connection
// per concurrent client alive, so a run measures requests, not TCP set-up.
func NewHTTPClient(clients int) *http.Client {
	t := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:        clients,
		MaxIdleConnsPerHost: clients,
		MaxConnsPerHost:     clients,
		IdleConnTimeout:     30 * time.Second,
		// A response is read in one system call where it fits (a form page of
		// the corpus apps is about 5 KB), not in net/http's default 4 KiB
		// steps, so the client takes less of the CPU it shares with the server
		// it measures.
		ReadBufferSize: 64 << 10,
	}
	// Redirects are answers to measure, not to follow (a login redirect would
	// leave the scenario's server).
	return &http.Client{Transport: t, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// Expect sends one request with the header pairs in hdr and fails unless the
// status is want; the body is read to the end, so the connection is reused, and
// dropped: a scenario that does not look at it should not make the garbage of
// keeping it, since the client shares the machine with the server it measures.
func Expect(ctx context.Context, hc *http.Client, method, url string, body []byte, want int, hdr map[string]string) error {
	_, err := send(ctx, hc, method, url, body, want, hdr, false)
	return err
}

// Do is Expect that returns the response body. Inside Run, each request's latency
// (to the end of its body) is also recorded on its own.
func Do(ctx context.Context, hc *http.Client, method, url string, body []byte, want int, hdr map[string]string) ([]byte, error) {
	return send(ctx, hc, method, url, body, want, hdr, true)
}

// errBodyMax bounds the part of an unexpected answer's body an error quotes.
const errBodyMax = 300

// send is Do, returning the body only when keep (or to quote it in the error).
func send(ctx context.Context, hc *http.Client, method, url string, body []byte, want int, hdr map[string]string, keep bool) ([]byte, error) {
	t0 := time.Now()
	defer func() { recordCall(ctx, callLabel(method, url), time.Since(t0)) }()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body) // shares body; sets ContentLength
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return nil, err
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var b []byte
	if keep || res.StatusCode != want {
		b, err = io.ReadAll(res.Body)
	} else {
		_, err = io.Copy(io.Discard, res.Body)
	}
	if err != nil {
		return nil, err
	}
	if res.StatusCode != want {
		if len(b) > errBodyMax {
			b = b[:errBodyMax]
		}
		return b, fmt.Errorf("%s %s: %d, want %d: %s", method, req.URL.Path, res.StatusCode, want, b)
	}
	return b, nil
}

// callLabel names a request for the per-step rows: its method and the last two
// segments of its path, with segments that look like ids (a digit and at least
// six characters, or digits only) shown as {id}. For example "PUT
// /data/{id}" or "PUT /process/next".
func callLabel(method, rawURL string) string {
	p := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		p = u.Path
	}
	segs := strings.FieldsFunc(p, func(r rune) bool { return r == '/' })
	if len(segs) > 2 {
		segs = segs[len(segs)-2:]
	}
	for i, sg := range segs {
		if looksLikeID(sg) {
			segs[i] = "{id}"
		}
	}
	return method + " /" + strings.Join(segs, "/")
}

func looksLikeID(seg string) bool {
	digits := 0
	for _, r := range seg {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits == len(seg) || (digits > 0 && len(seg) >= 6)
}
