// SPDX-License-Identifier: MIT

package apitest

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/blankett/blankett/internal/httpx"
)

// Response is one answer, read whole.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Send sends req with http.DefaultClient and reads the answer, failing t when the
// request cannot be sent.
func Send(t testing.TB, req *http.Request) Response {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return Response{Status: res.StatusCode, Header: res.Header, Body: b}
}

// JSON decodes the body into v, failing t when it is not JSON of v's shape.
func (r Response) JSON(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %d %s: %v", r.Status, r.Body, err)
	}
}

// ProblemCode is the code of a problem body ("" when the body has none).
func (r Response) ProblemCode() string {
	var p struct{ Code string }
	_ = json.Unmarshal(r.Body, &p)
	return p.Code
}

// WantProblem checks that r is a problem+json answer with status and code, and
// returns the problem.
func WantProblem(t testing.TB, r Response, status int, code string) httpx.Problem {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Body)
	}
	if ct := r.Header.Get("Content-Type"); ct != httpx.ProblemContentType {
		t.Fatalf("content type %q: %s", ct, r.Body)
	}
	var p httpx.Problem
	r.JSON(t, &p)
	if p.Code != code || p.Status != status {
		t.Fatalf("problem %+v, want code %s", p, code)
	}
	return p
}
