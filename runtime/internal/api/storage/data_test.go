// SPDX-License-Identifier: MIT

package storage_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/apitest"
	"github.com/google/uuid"
)

func TestDownload(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		in := e.instance(500, "ttd/app", time.Now(), nil)
		content := []byte("%PDF-1.7 0123456789 the quick brown fox")
		d := e.data(in, "ref-data-as-pdf", "Søknad om støtte.pdf", "application/pdf", content)
		sum := sha256.Sum256(content)
		etag := `"` + hex.EncodeToString(sum[:]) + `"`
		path := "/storage/api/v1/instances/500/" + in.GUID + "/data/" + d.GUID
		tok, size := e.owner("ttd"), strconv.Itoa(len(content))

		tests := []struct {
			name         string
			header       []string
			status       int
			body         string
			contentRange string
		}{
			{"whole", nil, http.StatusOK, string(content), ""},
			{"first bytes", []string{"Range", "bytes=0-7"}, http.StatusPartialContent, "%PDF-1.7", "bytes 0-7/" + size},
			{"open end", []string{"Range", "bytes=34-"}, http.StatusPartialContent, "n fox", "bytes 34-38/" + size},
			{"suffix", []string{"Range", "bytes=-3"}, http.StatusPartialContent, "fox", "bytes 36-38/" + size},
			{"end past size", []string{"Range", "bytes=36-999"}, http.StatusPartialContent, "fox", "bytes 36-38/" + size},
			{"several ranges served whole", []string{"Range", "bytes=0-1,3-4"}, http.StatusOK, string(content), ""},
			{"If-Range matches", []string{"Range", "bytes=0-3", "If-Range", etag}, http.StatusPartialContent, "%PDF", "bytes 0-3/" + size},
			{"If-Range stale", []string{"Range", "bytes=0-3", "If-Range", `"old"`}, http.StatusOK, string(content), ""},
			{"not modified", []string{"If-None-Match", etag}, http.StatusNotModified, "", ""},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				r := e.do(http.MethodGet, path, tok, tc.header...)
				if r.Status != tc.status || string(r.Body) != tc.body {
					t.Fatalf("%d %q, want %d %q", r.Status, r.Body, tc.status, tc.body)
				}
				if got := r.Header.Get("Content-Range"); got != tc.contentRange {
					t.Fatalf("Content-Range %q, want %q", got, tc.contentRange)
				}
				if r.Header.Get("ETag") != etag {
					t.Fatalf("ETag %q, want %q", r.Header.Get("ETag"), etag)
				}
				if tc.status == http.StatusNotModified {
					return
				}
				if r.Header.Get("Content-Length") != strconv.Itoa(len(tc.body)) || r.Header.Get("Content-Type") != "application/pdf" ||
					r.Header.Get("Accept-Ranges") != "bytes" {
					t.Fatalf("headers %v", r.Header)
				}
				if cd := r.Header.Get("Content-Disposition"); cd != `attachment; filename*=utf-8''S%C3%B8knad%20om%20st%C3%B8tte.pdf` {
					t.Fatalf("Content-Disposition %q", cd)
				}
			})
		}

		// The whole download hashes to the ETag and the element's contentHash.
		r := e.do(http.MethodGet, path, tok)
		got := sha256.Sum256(r.Body)
		if `"`+hex.EncodeToString(got[:])+`"` != etag {
			t.Fatal("checksum of the download differs from the ETag")
		}

		r = e.do(http.MethodGet, path, tok, "Range", "bytes=39-")
		apitest.WantProblem(t, r, http.StatusRequestedRangeNotSatisfiable, "range_not_satisfiable")
		if r.Header.Get("Content-Range") != "bytes */"+size {
			t.Fatalf("416 Content-Range %q", r.Header.Get("Content-Range"))
		}
	})
}

func TestDownloadRefusals(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		in := e.instance(500, "ttd/app", time.Now(), nil)
		other := e.instance(500, "ttd/app", time.Now(), nil)
		d := e.data(in, "attachment", "a.txt", "text/plain", []byte("secret"))
		path := "/storage/api/v1/instances/500/" + in.GUID + "/data/" + d.GUID
		tests := []struct {
			name, path, token string
			status            int
			code              string
		}{
			{"no token", path, "", http.StatusUnauthorized, "unauthenticated"},
			{"end user", path, e.person(), http.StatusForbidden, "not_service_owner"},
			{"other org", path, e.owner("skd"), http.StatusForbidden, "forbidden"},
			{"write scope only", path, e.owner("ttd", "altinn:serviceowner/instances.write"), http.StatusForbidden, "insufficient_scope"},
			{"wrong party", "/storage/api/v1/instances/501/" + in.GUID + "/data/" + d.GUID, e.owner("ttd"), http.StatusForbidden, "forbidden"},
			{"element of another instance", "/storage/api/v1/instances/500/" + other.GUID + "/data/" + d.GUID, e.owner("ttd"), http.StatusNotFound, "data_element_not_found"},
			{"unknown element", "/storage/api/v1/instances/500/" + in.GUID + "/data/" + uuid.NewString(), e.owner("ttd"), http.StatusNotFound, "data_element_not_found"},
			{"bad instance id", "/storage/api/v1/instances/x/" + in.GUID + "/data/" + d.GUID, e.owner("ttd"), http.StatusBadRequest, "invalid_instance_id"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				r := e.do(http.MethodGet, tc.path, tc.token)
				apitest.WantProblem(t, r, tc.status, tc.code)
				if strings.Contains(string(r.Body), "secret") {
					t.Fatal("error body carries data")
				}
			})
		}
	})
}
