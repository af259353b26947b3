// SPDX-License-Identifier: MIT

package storage

import (
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
)

// download serves GET /instances/{partyId}/{guid}/data/{dataGuid}: the
// element's content with its content type, file name, length and SHA-256 ETag,
// a single byte range when asked for one.
func (a *api) download(c *gin.Context) {
	_, in, ok := a.ownInstance(c, scopeRead)
	if !ok {
		return
	}
	dataGUID, err := uuid.Parse(c.Param("dataGuid"))
	if err != nil {
		httpx.Abort(c, http.StatusNotFound, CodeDataNotFound, "The instance has no such data element.")
		return
	}
	ctx := c.Request.Context()
	e, err := a.st.GetDataElement(ctx, in.GUID, dataGUID.String())
	if isNotFound(err) {
		httpx.Abort(c, http.StatusNotFound, CodeDataNotFound, "The instance has no such data element.")
		return
	} else if err != nil {
		a.fail(c, "get data element", err)
		return
	}
	etag := `"` + e.SHA256 + `"`
	h := c.Writer.Header()
	h.Set("ETag", etag)
	h.Set("Accept-Ranges", "bytes")
	h.Set("Cache-Control", "private, no-cache") // also on a 304
	if httpx.NoneMatch(c.GetHeader("If-None-Match"), etag) {
		c.Status(http.StatusNotModified)
		return
	}
	rng, err := a.requestedRange(c, e, etag)
	if err != nil {
		h.Set("Content-Range", "bytes */"+strconv.FormatInt(e.Size, 10))
		httpx.Abort(c, http.StatusRequestedRangeNotSatisfiable, CodeRangeNotSatisfiable, "The range lies outside the data.")
		return
	}
	body, _, err := a.blobs.Get(ctx, e.BlobKey, rng)
	if err != nil {
		// A row whose blob is missing breaks the design's invariant: an internal error.
		a.fail(c, "get blob "+e.BlobKey, err)
		return
	}
	defer body.Close()
	a.writeData(c, e, rng, body)
}

// requestedRange honours Range only when If-Range, if sent, still names this
// content.
func (a *api) requestedRange(c *gin.Context, e store.DataElement, etag string) (*blob.Range, error) {
	header := c.GetHeader("Range")
	if header == "" || c.Request.Method != http.MethodGet {
		return nil, nil
	}
	if ir := c.GetHeader("If-Range"); ir != "" && ir != etag {
		return nil, nil
	}
	return parseRange(header, e.Size)
}

func (a *api) writeData(c *gin.Context, e store.DataElement, rng *blob.Range, body io.Reader) {
	h := c.Writer.Header()
	httpx.SetContentHeaders(h, e.ContentType, e.Filename)
	status, length := http.StatusOK, e.Size
	if rng != nil {
		status, length = http.StatusPartialContent, rng.Length
		h.Set("Content-Range", "bytes "+strconv.FormatInt(rng.Offset, 10)+"-"+
			strconv.FormatInt(rng.Offset+rng.Length-1, 10)+"/"+strconv.FormatInt(e.Size, 10))
	}
	h.Set("Content-Length", strconv.FormatInt(length, 10))
	c.Status(status)
	if c.Request.Method == http.MethodHead {
		c.Writer.WriteHeaderNow()
		return
	}
	if _, err := io.CopyN(c.Writer, body, length); err != nil && !errors.Is(err, c.Request.Context().Err()) {
		// The status is sent; log and cut the response short so the client sees it.
		a.log.WarnContext(c.Request.Context(), "storage api: stream data", "element", e.GUID, "error", err)
		c.Abort()
	}
}
