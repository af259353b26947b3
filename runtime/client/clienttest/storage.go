// SPDX-License-Identifier: MIT

package clienttest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/client"
)

// storage wraps a storage handler with the bearer check, the request log and
// the Fail hook.
func (s *Server) storage(h func(http.ResponseWriter, *http.Request)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		entry := r.Method + " " + r.URL.Path
		if rg := r.Header.Get("Range"); rg != "" {
			entry += " " + rg
		}
		s.requests = append(s.requests, entry)
		exp, ok := s.tokens[strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")]
		s.mu.Unlock()
		if !ok || time.Now().After(exp) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="blankett"`)
			problem(w, r, http.StatusUnauthorized, "unauthenticated", "Send a service owner's bearer token.")
			return
		}
		if s.Fail != nil {
			if status := s.Fail(r); status != 0 {
				problem(w, r, status, "internal_error", "Something went wrong on our side.")
				return
			}
		}
		h(w, r)
	}
}

// query serves the instance query: newest lastChanged first, a next link
// (a keyset token: the last instance's lastChanged and GUID) only after a full
// page.
func (s *Server) query(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	appID, org := v.Get("appId"), v.Get("org")
	if appID == "" && org == "" {
		problem(w, r, 400, "invalid_query", "Give org or appId.")
		return
	}
	if (org != "" && org != s.Org) || (appID != "" && !strings.HasPrefix(appID, s.Org+"/")) {
		problem(w, r, 403, "forbidden", "You may query only your own organisation's apps.")
		return
	}
	size := s.PageSize
	if n, err := strconv.Atoi(v.Get("size")); err == nil && n > 0 {
		size = n
	}
	var after *Instance // the keyset position the continuation token names
	if tok := v.Get("continuationToken"); tok != "" {
		at, guid, ok := strings.Cut(tok, "/")
		n, err := strconv.ParseInt(at, 10, 64)
		if !ok || err != nil {
			problem(w, r, 400, "invalid_query", "The continuation token or a filter is invalid.")
			return
		}
		after = &Instance{LastChanged: time.Unix(0, n), GUID: guid}
	}
	s.mu.Lock()
	var match []*Instance
	for _, in := range s.instances {
		if (appID == "" || in.AppID == appID) && strings.HasPrefix(in.AppID, s.Org+"/") &&
			(v.Get("process.isComplete") == "" || strconv.FormatBool(in.Ended) == v.Get("process.isComplete")) &&
			(v.Get("excludeConfirmedBy") == "" || !slices.Contains(in.Confirmed, v.Get("excludeConfirmedBy"))) &&
			(after == nil || newestFirst(after, in) < 0) {
			match = append(match, in)
		}
	}
	slices.SortFunc(match, newestFirst)
	var page []any
	for i := 0; i < len(match) && i < size; i++ {
		page = append(page, s.view(match[i]))
	}
	next := ""
	if len(page) == size {
		last := match[size-1]
		next = strconv.FormatInt(last.LastChanged.UnixNano(), 10) + "/" + last.GUID
	}
	s.mu.Unlock()
	resp := map[string]any{"count": len(page), "self": s.pageURL(r, v, v.Get("continuationToken")), "next": nil, "instances": page}
	if page == nil {
		resp["instances"] = []any{}
	}
	if next != "" {
		resp["next"] = s.pageURL(r, v, next)
	}
	writeJSON(w, resp)
}

// newestFirst orders instances as the listing does: lastChanged descending,
// then by GUID, a total order that keyset paging can resume from (instances
// confirmed or changed between pages neither shift nor skip the rest, as with
// the real API's keyset token).
func newestFirst(a, b *Instance) int {
	if c := b.LastChanged.Compare(a.LastChanged); c != 0 {
		return c
	}
	return strings.Compare(a.GUID, b.GUID)
}

func (s *Server) pageURL(r *http.Request, v url.Values, token string) string {
	u := url.Values{}
	for k, vs := range v {
		u[k] = vs
	}
	u.Del("continuationToken")
	if token != "" {
		u.Set("continuationToken", token)
	}
	return s.URL + r.URL.Path + "?" + u.Encode()
}

// find returns the caller's instance named by the path, or answers 403.
func (s *Server) find(w http.ResponseWriter, r *http.Request) *Instance {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, in := range s.instances {
		if strconv.FormatInt(in.PartyID, 10) == r.PathValue("party") && in.GUID == r.PathValue("guid") &&
			strings.HasPrefix(in.AppID, s.Org+"/") {
			return in
		}
	}
	problem(w, r, http.StatusForbidden, "forbidden", "You may not access this instance.")
	return nil
}

func (s *Server) getInstance(w http.ResponseWriter, r *http.Request) {
	if in := s.find(w, r); in != nil {
		s.mu.Lock()
		v, tag := s.view(in), etag(in)
		s.mu.Unlock()
		w.Header().Set("ETag", tag)
		writeJSON(w, v)
	}
}

// etag is the instance's entity tag as the runtime makes it.
func etag(in *Instance) string { return httpx.TimeETag(in.LastChanged) }

func (s *Server) complete(w http.ResponseWriter, r *http.Request) {
	in := s.find(w, r)
	if in == nil {
		return
	}
	s.mu.Lock()
	if s.BeforeComplete != nil {
		s.BeforeComplete(in)
	}
	if m := r.Header.Get("If-Match"); m != "" && !s.IgnoreIfMatch && !httpx.ETagMatches(m, etag(in)) {
		s.mu.Unlock()
		problem(w, r, http.StatusPreconditionFailed, client.CodeInstanceChanged, "The instance changed since you read it.")
		return
	}
	if in.PDFPending && !slices.Contains(in.Confirmed, s.Org) {
		s.mu.Unlock()
		w.Header().Set("Retry-After", "5")
		problem(w, r, http.StatusConflict, client.CodePDFPending, "The PDF receipt of this instance is still being made.")
		return
	}
	if !slices.Contains(in.Confirmed, s.Org) {
		in.Confirmed = append(in.Confirmed, s.Org)
		in.LastChanged = time.Now().UTC()
	}
	s.completed = append(s.completed, strconv.FormatInt(in.PartyID, 10)+"/"+in.GUID)
	v := s.view(in)
	s.mu.Unlock()
	writeJSON(w, v)
}

// download serves content with the SHA-256 ETag and a single range.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	in := s.find(w, r)
	if in == nil {
		return
	}
	i := slices.IndexFunc(in.Data, func(d Data) bool { return d.ID == r.PathValue("data") })
	if i < 0 {
		problem(w, r, 404, "data_element_not_found", "The instance has no such data element.")
		return
	}
	d := in.Data[i]
	etag := `"` + sha(d.Content) + `"`
	body := d.Content
	if s.Corrupt[d.ID] {
		body = append([]byte("X"), body[min(1, len(body)):]...)
	}
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Accept-Ranges", "bytes")
	size := int64(len(body))
	start, status := int64(0), http.StatusOK
	if rg := r.Header.Get("Range"); rg != "" && (r.Header.Get("If-Range") == "" || r.Header.Get("If-Range") == etag) {
		if spec, ok := strings.CutPrefix(rg, "bytes="); ok && strings.HasSuffix(spec, "-") {
			n, err := strconv.ParseInt(strings.TrimSuffix(spec, "-"), 10, 64)
			if err == nil && n >= size {
				h.Set("Content-Range", "bytes */"+strconv.FormatInt(size, 10))
				problem(w, r, http.StatusRequestedRangeNotSatisfiable, "range_not_satisfiable", "The range lies outside the data.")
				return
			}
			if err == nil {
				start, status = n, http.StatusPartialContent
				h.Set("Content-Range", "bytes "+strconv.FormatInt(n, 10)+"-"+strconv.FormatInt(size-1, 10)+"/"+strconv.FormatInt(size, 10))
			}
		}
	}
	h.Set("Content-Type", d.ContentType)
	h.Set("Content-Length", strconv.FormatInt(size-start, 10))
	w.WriteHeader(status)
	out := body[start:]
	if s.CutAfter > 0 && s.Cut[d.ID] && len(out) > s.CutAfter {
		_, _ = w.Write(out[:s.CutAfter])
		panic(http.ErrAbortHandler) // break the connection mid-body
	}
	_, _ = w.Write(out)
}

// view renders an instance as the real API's instanceView does.
func (s *Server) view(in *Instance) map[string]any {
	party := strconv.FormatInt(in.PartyID, 10)
	self := s.URL + "/storage/api/v1/instances/" + party + "/" + in.GUID
	data := []any{}
	for _, d := range in.Data {
		e := map[string]any{"id": d.ID, "instanceGuid": in.GUID, "dataType": d.DataType, "contentType": d.ContentType,
			"size": len(d.Content), "locked": false, "contentHash": sha(d.Content),
			"selfLinks": map[string]string{"platform": self + "/data/" + d.ID}}
		if d.Filename != "" {
			e["filename"] = d.Filename
		}
		data = append(data, e)
	}
	process := map[string]any{"started": "2025-01-01T00:00:00Z", "currentTask": map[string]string{"elementId": "Task_1"}}
	if in.Ended {
		process = map[string]any{"started": "2025-01-01T00:00:00Z", "ended": "2025-01-02T00:00:00Z", "endEvent": "EndEvent_1"}
	}
	confs := []any{}
	for _, c := range in.Confirmed {
		confs = append(confs, map[string]any{"stakeholderId": c, "confirmedOn": in.LastChanged})
	}
	return map[string]any{"id": party + "/" + in.GUID, "appId": in.AppID, "org": strings.Split(in.AppID, "/")[0],
		"instanceOwner": map[string]string{"partyId": party}, "selfLinks": map[string]string{"platform": self},
		"process": process, "status": map[string]bool{"isArchived": in.Ended}, "completeConfirmations": confs,
		"created": "2025-01-01T00:00:00Z", "lastChanged": in.LastChanged, "data": data}
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(v)
}
