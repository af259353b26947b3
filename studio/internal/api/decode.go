// SPDX-License-Identifier: MIT

package api

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/blankett/blankett/internal/httpx"

	"github.com/gin-gonic/gin"
)

// maxBody bounds a JSON request body; studio's account requests are tiny.
const maxBody = 64 << 10

// Decode reads the request body as one JSON object into v, refusing other media types,
// unknown fields, trailing data and bodies over 64 KiB. On failure it has answered
// with a problem and returns false.
func Decode(c *gin.Context, v any) bool {
	mt, _, err := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if err != nil || mt != "application/json" {
		httpx.Abort(c, http.StatusUnsupportedMediaType, CodeUnsupportedType, "Send the body as application/json.")
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(c.Writer, c.Request.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		httpx.Abort(c, http.StatusBadRequest, CodeInvalidJSON, "The body is not the expected JSON object: "+jsonError(err))
		return false
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		httpx.Abort(c, http.StatusBadRequest, CodeInvalidJSON, "The body has data after the JSON object.")
		return false
	}
	return true
}

// jsonError describes a decoding error without echoing the body.
func jsonError(err error) string {
	var mbe *http.MaxBytesError
	var ute *json.UnmarshalTypeError
	switch {
	case errors.As(err, &mbe):
		return "larger than 64 KiB"
	case errors.As(err, &ute):
		return "field " + ute.Field + " has the wrong type"
	}
	return err.Error()
}
