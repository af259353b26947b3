// SPDX-License-Identifier: MIT

package app

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// Caps of the JSON request bodies the handlers read whole. A body is read only up
// to its cap, so no request makes the server hold more than that of it; an
// instance template may be as large as the multipart template part.
const (
	maxTemplate = 1 << 20  // an instance template, JSON or the multipart part, and InstansiationInstance
	maxSmall    = 64 << 10 // process/next's action and a substatus
	maxPatch    = 10 << 20 // a patch request
)

// readBody reads the request body when it is at most limit bytes. It stops
// reading at limit+1 and answers a longer body 413 data_element_too_large, as a
// data element over its type's maxSize; false means the request was answered.
func readBody(c *gin.Context, limit int64, what string) ([]byte, bool) {
	b, err := io.ReadAll(io.LimitReader(c.Request.Body, limit+1))
	switch {
	case err != nil:
		badRequest(c, what+" does not read")
		return nil, false
	case int64(len(b)) > limit:
		httpx.Abort(c, http.StatusRequestEntityTooLarge, instances.CodeTooLarge,
			what+" is larger than "+size(limit))
		return nil, false
	}
	return b, true
}

// readJSON decodes the request body, read as readBody reads it, into v; JSON that
// does not decode is answered by invalid with the decoder's error.
func readJSON(c *gin.Context, v any, limit int64, what string, invalid func(error)) bool {
	b, ok := readBody(c, limit, what)
	if !ok {
		return false
	}
	if err := json.Unmarshal(b, v); err != nil {
		invalid(err)
		return false
	}
	return true
}

// size writes a cap in the unit it is a whole number of.
func size(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}
