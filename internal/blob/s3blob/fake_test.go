// SPDX-License-Identifier: MIT

package s3blob_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// decodeChunkedParts works around a gofakes3 v1.2.0 gap so that the fake, not
// the store, is adapted: gofakes3 decodes the aws-chunked framing of minio-go's
// streaming signature (used over plain http) for PutObject but stores it verbatim
// for UploadPart, corrupting every multipart object. Real servers decode it.
func decodeChunkedParts(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut && r.URL.Query().Has("partNumber") &&
			r.Header.Get("X-Amz-Content-Sha256") == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" {
			body, err := decodeAWSChunked(r.Body)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			r.ContentLength = int64(len(body))
			r.Header.Set("Content-Length", strconv.Itoa(len(body)))
			r.Header.Set("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD")
			r.Header.Del("X-Amz-Decoded-Content-Length")
		}
		next.ServeHTTP(w, r)
	})
}

// decodeAWSChunked strips "<hex size>;chunk-signature=...\r\n<data>\r\n" framing.
func decodeAWSChunked(r io.Reader) ([]byte, error) {
	br := bufio.NewReader(r)
	var out bytes.Buffer
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("chunk header: %w", err)
		}
		sizeHex, _, _ := strings.Cut(strings.TrimSpace(line), ";")
		n, err := strconv.ParseInt(sizeHex, 16, 64)
		if err != nil {
			return nil, fmt.Errorf("chunk size %q: %w", sizeHex, err)
		}
		if n == 0 {
			return out.Bytes(), nil
		}
		if _, err := io.CopyN(&out, br, n); err != nil {
			return nil, fmt.Errorf("chunk data: %w", err)
		}
		if _, err := br.Discard(2); err != nil { // CRLF after the data
			return nil, fmt.Errorf("chunk end: %w", err)
		}
	}
}
