// SPDX-License-Identifier: MIT

package client

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// Download is the outcome of DownloadData.
type Download struct {
	// SHA256 is the lowercase hex SHA-256 of the whole content.
	SHA256 string
	// Size is the whole content's length, the resumed prefix included.
	Size int64
	// Written is how many bytes this call wrote to w.
	Written int64
	// Verified reports that SHA256 matched the server's ETag or the element's
	// contentHash. It is false only when the server announced neither.
	Verified bool
	// Restarted reports that the prefix could not be resumed (the content
	// changed, or the server ignored the range) and w was truncated and
	// written from the start.
	Restarted bool
}

// truncater is a writer that can start over, such as an *os.File.
type truncater interface {
	Truncate(size int64) error
	Seek(offset int64, whence int) (int64, error)
}

// DownloadData writes the content of data element e to w, verifying its
// SHA-256 against the ETag or e.ContentHash.
//
// With offset > 0, w already holds the first offset bytes and the download
// resumes with a Range request (If-Range guards against changed content); w
// must then also be an io.ReaderAt (an *os.File opened for read and write is),
// so the prefix can be hashed. When the server sends the whole content
// instead, w must be able to start over (an *os.File or *bytes.Buffer).
// Network failures and 429/5xx answers are retried, resuming where the stream
// broke. A content mismatch is ErrHashMismatch; w then holds the bad bytes and
// the caller should discard them.
func (c *Client) DownloadData(ctx context.Context, e DataElement, w io.Writer, offset int64) (Download, error) {
	ref := e.SelfLinks.Platform
	if ref == "" {
		return Download{}, fmt.Errorf("%w: data element %s has no platform link", ErrProtocol, e.ID)
	}
	d := &downloader{c: c, w: w, h: sha256.New(), pos: offset, expected: strings.ToLower(e.ContentHash), total: e.Size}
	if err := d.hashPrefix(); err != nil {
		return Download{}, err
	}
	if offset > 0 && e.Size > 0 && offset > e.Size {
		if err := d.restart(); err != nil {
			return Download{}, err
		}
	}
	if !(d.pos > 0 && d.pos == e.Size && d.expected != "") { // otherwise complete already: just verify
		if err := c.retry.do(ctx, func() error { return d.attempt(ctx, ref) }); err != nil {
			return d.result(), fmt.Errorf("download data element %s: %w", e.ID, err)
		}
	}
	res := d.result()
	if res.Size != d.total && d.total > 0 {
		return res, fmt.Errorf("%w: data element %s: got %d bytes, want %d", ErrHashMismatch, e.ID, res.Size, d.total)
	}
	if d.expected != "" {
		if res.SHA256 != d.expected {
			return res, fmt.Errorf("%w: data element %s: got %s, want %s", ErrHashMismatch, e.ID, res.SHA256, d.expected)
		}
		res.Verified = true
	}
	return res, nil
}

// downloader holds the state of one download across attempts.
type downloader struct {
	c         *Client
	w         io.Writer
	h         hash.Hash
	pos       int64 // bytes of the content in w so far
	written   int64
	expected  string // hex SHA-256 to check against
	total     int64  // whole length; 0 when unknown
	restarted bool
}

func (d *downloader) result() Download {
	return Download{SHA256: hex.EncodeToString(d.h.Sum(nil)), Size: d.pos, Written: d.written, Restarted: d.restarted}
}

// hashPrefix feeds the first pos bytes already in w to the hash.
func (d *downloader) hashPrefix() error {
	if d.pos <= 0 {
		d.pos = 0
		return nil
	}
	ra, ok := d.w.(io.ReaderAt)
	if !ok {
		return fmt.Errorf("%w: resuming at %d needs a writer that is an io.ReaderAt", ErrNotResumable, d.pos)
	}
	n, err := io.Copy(d.h, io.NewSectionReader(ra, 0, d.pos))
	if err != nil || n != d.pos {
		return fmt.Errorf("%w: read the first %d bytes: %d read, %v", ErrNotResumable, d.pos, n, err)
	}
	return nil
}

// restart empties w so the content is written from its start.
func (d *downloader) restart() error {
	if d.pos > 0 {
		switch w := d.w.(type) {
		case *bytes.Buffer:
			w.Reset()
		case truncater:
			if err := w.Truncate(0); err != nil {
				return fmt.Errorf("%w: %w", errWrite, err)
			}
			if _, err := w.Seek(0, io.SeekStart); err != nil {
				return fmt.Errorf("%w: %w", errWrite, err)
			}
		default:
			return fmt.Errorf("%w: the server sent the whole content again", ErrNotResumable)
		}
		d.restarted = true
	}
	d.pos = 0
	d.h.Reset()
	return nil
}

// attempt makes one request from pos and copies what arrives.
func (d *downloader) attempt(ctx context.Context, ref string) error {
	hdr := http.Header{"Accept": {"*/*"}}
	if d.pos > 0 {
		hdr.Set("Range", "bytes="+strconv.FormatInt(d.pos, 10)+"-")
		if d.expected != "" {
			hdr.Set("If-Range", `"`+d.expected+`"`)
		}
	}
	res, err := d.c.send(ctx, http.MethodGet, ref, hdr)
	var ae *APIError
	if errors.As(err, &ae) && ae.Status == http.StatusRequestedRangeNotSatisfiable && d.pos > 0 {
		// Our prefix is longer than the content: start over.
		if err := d.restart(); err != nil {
			return err
		}
		return d.attempt(ctx, ref)
	}
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if etag := parseETag(res.Header.Get("ETag")); etag != "" {
		d.expected = etag
	}
	switch res.StatusCode {
	case http.StatusPartialContent:
		start, total, ok := parseContentRange(res.Header.Get("Content-Range"))
		if !ok || start != d.pos {
			return fmt.Errorf("%w: Content-Range %q for a request from %d", ErrProtocol, res.Header.Get("Content-Range"), d.pos)
		}
		d.total = total
	case http.StatusOK:
		if err := d.restart(); err != nil {
			return err
		}
		if res.ContentLength >= 0 {
			d.total = res.ContentLength
		}
	default:
		return fmt.Errorf("%w: status %d", ErrProtocol, res.StatusCode)
	}
	n, err := io.Copy(io.MultiWriter(markedWriter{d.w}, d.h), res.Body)
	d.pos += n
	d.written += n
	return err
}

// markedWriter wraps the caller's write errors in errWrite, so they are not retried.
type markedWriter struct{ w io.Writer }

func (m markedWriter) Write(p []byte) (int, error) {
	n, err := m.w.Write(p)
	if err != nil {
		err = fmt.Errorf("%w: %w", errWrite, err)
	}
	return n, err
}

// parseETag returns the hex SHA-256 of a strong ETag, or "" for anything else.
func parseETag(s string) string {
	s = strings.TrimSpace(s)
	if len(s) != 66 || s[0] != '"' || s[65] != '"' {
		return ""
	}
	s = strings.ToLower(s[1:65])
	if _, err := hex.DecodeString(s); err != nil {
		return ""
	}
	return s
}

// parseContentRange reads "bytes start-end/total".
func parseContentRange(s string) (start, total int64, ok bool) {
	spec, found := strings.CutPrefix(s, "bytes ")
	if !found {
		return 0, 0, false
	}
	rng, tot, found := strings.Cut(spec, "/")
	first, _, found2 := strings.Cut(rng, "-")
	if !found || !found2 {
		return 0, 0, false
	}
	start, err1 := strconv.ParseInt(first, 10, 64)
	total, err2 := strconv.ParseInt(tot, 10, 64)
	return start, total, err1 == nil && err2 == nil
}
