// SPDX-License-Identifier: MIT

package httpx

import (
	"mime"
	"strconv"
	"strings"
)

// Preferred returns which of offers (media types such as "application/json")
// an Accept header prefers, by RFC 9110's q-values and specificity; on a tie,
// or when the header is empty or names none of them, the earlier offer wins.
// A type the header gives q=0 is never chosen unless all are refused, when
// the first offer is returned.
func Preferred(accept string, offers ...string) string {
	if len(offers) == 0 {
		return ""
	}
	best, bestQ := offers[0], -1.0
	for _, o := range offers {
		if q := quality(accept, o); q > bestQ {
			best, bestQ = o, q
		}
	}
	if bestQ <= 0 && strings.TrimSpace(accept) != "" {
		return offers[0]
	}
	return best
}

// quality is the q-value accept gives offer through its most specific
// matching range: type/subtype, then type/*, then */*. An empty header
// accepts everything at 1; a header that matches nothing gives -1.
func quality(accept, offer string) float64 {
	if strings.TrimSpace(accept) == "" {
		return 1
	}
	typ, _, _ := strings.Cut(offer, "/")
	q, spec := -1.0, -1
	for part := range strings.SplitSeq(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		s := -1
		switch {
		case mt == offer:
			s = 2
		case mt == typ+"/*":
			s = 1
		case mt == "*/*":
			s = 0
		}
		if s < spec || s < 0 {
			continue
		}
		v := 1.0
		if qs, ok := params["q"]; ok {
			if f, err := strconv.ParseFloat(qs, 64); err == nil && f >= 0 && f <= 1 {
				v = f
			}
		}
		if s > spec {
			q, spec = v, s
		} else if v > q {
			q = v
		}
	}
	return q
}
