// SPDX-License-Identifier: MIT

// Package apitest sends requests to a JSON API under test over real HTTP and reads
// the answers whole: Send takes a built request, Response decodes JSON and problem
// bodies, and WantProblem checks a problem+json answer's status and code. Each API's
// tests build their requests (token, body, headers) their own way and share the rest.
//
//	r := apitest.Send(t, req)
//	apitest.WantProblem(t, r, http.StatusNotFound, "instance_not_found")
package apitest
