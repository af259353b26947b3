// SPDX-License-Identifier: MIT

package httpx

import (
	"strings"
	"time"
)

// TimeETag is the entity tag of a resource whose version is the time it last
// changed: t in RFC 3339 with up to nanoseconds, UTC, quoted. A client that
// has the time as the API renders it can make the tag itself.
func TimeETag(t time.Time) string {
	return `"` + t.UTC().Format(time.RFC3339Nano) + `"`
}

// ETagMatches applies an If-Match header value to etag (RFC 9110 §13.1.1):
// "*", or a comma-separated list of entity tags one of which is etag. The
// comparison is strong, so a weak tag (W/"…") never matches.
func ETagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		if t = strings.TrimSpace(t); t == "*" || t == etag {
			return true
		}
	}
	return false
}

// NoneMatch applies an If-None-Match header value to etag (RFC 9110
// §13.1.2): "*", or a list naming etag. The comparison is weak, so W/"x"
// matches "x": a cached copy of the same bytes needs no new body.
func NoneMatch(header, etag string) bool {
	etag = strings.TrimPrefix(etag, "W/")
	for t := range strings.SplitSeq(header, ",") {
		if t = strings.TrimPrefix(strings.TrimSpace(t), "W/"); t == etag || t == "*" {
			return true
		}
	}
	return false
}
