// SPDX-License-Identifier: MIT

package openapitest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// Exchange is one request and the response it got.
type Exchange struct {
	Req    *http.Request
	Status int
	Header http.Header
	Body   []byte
}

// Do serves req with h in process and records the exchange, with the request body
// rewound so the validator can read it again.
func Do(h http.Handler, req *http.Request) Exchange {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	req.Body = io.NopCloser(bytes.NewReader(body))
	return Exchange{Req: req, Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

// Validator checks exchanges against a document: the request must match an operation
// and its parameters and body, the response a documented status with its schema.
type Validator struct {
	router routers.Router
}

// NewValidator returns a Validator for doc.
func NewValidator(t testing.TB, doc *openapi3.T) *Validator {
	t.Helper()
	r, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &Validator{router: r}
}

// Check fails t when ex departs from the document; skipRequest leaves the request
// unchecked, for requests that are wrong on purpose.
func (v *Validator) Check(t testing.TB, ex Exchange, skipRequest bool) {
	t.Helper()
	if err := v.Validate(ex, skipRequest); err != nil {
		t.Errorf("%s %s: %d: %v\nbody: %.600s", ex.Req.Method, ex.Req.URL, ex.Status, err, ex.Body)
	}
}

// Validate reports the first way ex departs from the document. Authentication is not
// checked: the handlers do that, and the exchanges test it.
func (v *Validator) Validate(ex Exchange, skipRequest bool) error {
	ctx := context.Background()
	route, params, err := v.router.FindRoute(ex.Req)
	if err != nil {
		return fmt.Errorf("no operation: %w", err)
	}
	in := &openapi3filter.RequestValidationInput{Request: ex.Req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	if !skipRequest {
		if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
			return fmt.Errorf("request does not match the document: %w", err)
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: ex.Status, Header: ex.Header,
		Body: io.NopCloser(bytes.NewReader(ex.Body)), Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
		return fmt.Errorf("response does not match the document: %w", err)
	}
	return nil
}
