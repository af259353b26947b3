// SPDX-License-Identifier: MIT

package httpx

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
)

// ProblemContentType is the media type of problem responses (RFC 9457).
const ProblemContentType = "application/problem+json"

// Problem is an RFC 9457 problem detail. Code is stable across releases and doubles as
// the translation key of the message; clients branch on Code, never on Title or Detail.
type Problem struct {
	Type     string `json:"type,omitempty"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	Code     string `json:"code"`
	TraceID  string `json:"traceId,omitempty"`
	// Errors lists field-level problems, e.g. validation issues.
	Errors []FieldError `json:"errors,omitempty"`
}

// FieldError is one field-level problem inside a Problem.
type FieldError struct {
	Field  string `json:"field,omitempty"`
	Code   string `json:"code"`
	Detail string `json:"detail,omitempty"`
}

// Stable problem codes used by the plumbing itself.
const (
	CodeNotFound         = "not_found"
	CodeMethodNotAllowed = "method_not_allowed"
	CodeInternal         = "internal_error"
	CodeCrossOrigin      = "cross_origin_request_denied"
	CodeNotReady         = "not_ready"
)

// NewProblem builds a problem with the standard title for status.
func NewProblem(status int, code, detail string) Problem {
	return Problem{Title: http.StatusText(status), Status: status, Code: code, Detail: detail}
}

// WriteProblem writes p to w. It fills TraceID from the request id of r when unset.
func WriteProblem(w http.ResponseWriter, r *http.Request, p Problem) {
	if p.TraceID == "" && r != nil {
		p.TraceID = RequestIDFrom(r.Context())
	}
	if p.Instance == "" && r != nil {
		p.Instance = r.URL.Path
	}
	w.Header().Set("Content-Type", ProblemContentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// Abort answers c with the problem (status, code, detail) and stops the handler
// chain: the one call for a handler's refusal.
func Abort(c *gin.Context, status int, code, detail string) {
	AbortProblem(c, NewProblem(status, code, detail))
}

// AbortProblem writes p as the response of c and stops the handler chain.
func AbortProblem(c *gin.Context, p Problem) {
	WriteProblem(c.Writer, c.Request, p)
	c.Abort()
}

func notFound(c *gin.Context) {
	AbortProblem(c, NewProblem(http.StatusNotFound, CodeNotFound, "No resource at this path."))
}

func methodNotAllowed(c *gin.Context) {
	AbortProblem(c, NewProblem(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "This path does not accept "+c.Request.Method+"."))
}
