// SPDX-License-Identifier: MIT

package clienttest

import (
	"crypto"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Server is the fake runtime. Set its fields before the first request; the
// recorders (Requests, Completed, TokenRequests) are read with the accessors.
type Server struct {
	*httptest.Server
	// Org is the service owner the client belongs to.
	Org string
	// ClientID and PublicKey are the registered machine client.
	ClientID  string
	PublicKey crypto.PublicKey
	// Scopes are the scopes the client may request.
	Scopes []string
	// TokenTTL is the lifetime of issued tokens (default 30 minutes).
	TokenTTL time.Duration
	// PageSize is the default page size (default 100, as the real API).
	PageSize int
	// Fail, when set, may answer a storage request with an error status
	// instead of serving it (return 0 to serve it).
	Fail func(r *http.Request) int
	// Corrupt lists data element ids whose content is served altered.
	Corrupt map[string]bool
	// CutAfter, when > 0, ends every data response after that many bytes
	// (the connection breaks mid-body) for elements listed in Cut.
	CutAfter int
	Cut      map[string]bool
	// BeforeComplete, when set, is called with the instance (under the
	// server's lock) before a complete call is served: a test adds the data
	// element a PDF worker would store meanwhile (and moves LastChanged, as the
	// runtime does, so that an If-Match of the old state fails).
	BeforeComplete func(in *Instance)
	// IgnoreIfMatch makes complete ignore If-Match, as a server that does not
	// support it (Altinn's Storage) does.
	IgnoreIfMatch bool
	// Apps are the deployed apps ("org/app"), whose metadata the public GET
	// /{org}/{app}/api/v1/applicationmetadata serves; any other app answers 404
	// app_not_found, as the runtime does for an app with no deployed version.
	Apps []string

	mu        sync.Mutex
	instances []*Instance
	tokens    map[string]time.Time
	jtis      map[string]bool
	requests  []string
	completed []string
	tokenReqs int
}

// Instance is a stored instance.
type Instance struct {
	PartyID     int64
	GUID        string
	AppID       string
	Ended       bool
	Confirmed   []string
	LastChanged time.Time
	Data        []Data
	// PDFPending makes complete answer 409 pdf_pending, as the runtime does
	// while the instance's PDF receipt is being made.
	PDFPending bool
}

// Data is a stored data element.
type Data struct {
	ID          string
	DataType    string
	ContentType string
	Filename    string
	Content     []byte
}

// New starts a fake for org's client clientID with public key pub.
func New(t testing.TB, org, clientID string, pub crypto.PublicKey) *Server {
	s := &Server{Org: org, ClientID: clientID, PublicKey: pub, TokenTTL: 30 * time.Minute, PageSize: 100,
		Scopes: []string{"altinn:serviceowner/instances.read", "altinn:serviceowner/instances.write"},
		tokens: map[string]time.Time{}, jtis: map[string]bool{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/authentication/api/v1/token", s.token)
	mux.HandleFunc("GET /{org}/{app}/api/v1/applicationmetadata", s.metadata)
	mux.HandleFunc("GET /storage/api/v1/instances", s.storage(s.query))
	mux.HandleFunc("GET /storage/api/v1/instances/{party}/{guid}", s.storage(s.getInstance))
	mux.HandleFunc("GET /storage/api/v1/instances/{party}/{guid}/data/{data}", s.storage(s.download))
	mux.HandleFunc("POST /storage/api/v1/instances/{party}/{guid}/complete", s.storage(s.complete))
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// Update changes the stored instance guid under the server's lock and moves
// its LastChanged on by a second, as a change in the runtime does; it is a
// no-op for an unknown guid.
func (s *Server) Update(guid string, change func(in *Instance)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, in := range s.instances {
		if in.GUID == guid {
			change(in)
			in.LastChanged = in.LastChanged.Add(time.Second)
		}
	}
}

// Add stores instances (newest last changed first in queries).
func (s *Server) Add(in ...*Instance) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, i := range in {
		if i.LastChanged.IsZero() {
			i.LastChanged = time.Date(2025, 1, 1, 0, 0, len(s.instances), 0, time.UTC)
		}
		s.instances = append(s.instances, i)
	}
}

// Requests returns "METHOD path [range]" of every storage request so far.
func (s *Server) Requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// Completed returns the "partyId/guid" of every complete call that succeeded.
func (s *Server) Completed() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.completed)
}

// TokenRequests counts token requests.
func (s *Server) TokenRequests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokenReqs
}

// token is the JWT bearer grant, checked as authn.GrantExchanger does.
func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.tokenReqs++
	s.mu.Unlock()
	if r.Method != http.MethodPost {
		oauthError(w, http.StatusMethodNotAllowed, "invalid_request", "use POST")
		return
	}
	if err := r.ParseForm(); err != nil {
		oauthError(w, 400, "invalid_request", "body must be application/x-www-form-urlencoded")
		return
	}
	if r.PostForm.Get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" {
		oauthError(w, 400, "unsupported_grant_type", "only jwt-bearer")
		return
	}
	var claims struct {
		jwt.RegisteredClaims
		Scope string `json:"scope"`
	}
	_, err := jwt.ParseWithClaims(r.PostForm.Get("assertion"), &claims, func(*jwt.Token) (any, error) {
		if claims.Issuer != s.ClientID {
			return nil, fmt.Errorf("unknown client")
		}
		return s.PublicKey, nil
	}, jwt.WithValidMethods([]string{"RS256", "ES256", "EdDSA"}), jwt.WithAudience(s.URL+"/authentication/api/v1/token"),
		jwt.WithExpirationRequired(), jwt.WithIssuedAt(), jwt.WithLeeway(10*time.Second))
	switch {
	case err != nil && claims.Issuer != s.ClientID:
		oauthError(w, http.StatusUnauthorized, "invalid_client", "invalid client")
		return
	case err != nil:
		oauthError(w, 400, "invalid_grant", err.Error())
		return
	case claims.IssuedAt == nil || claims.ExpiresAt.Sub(claims.IssuedAt.Time) > 2*time.Minute:
		oauthError(w, 400, "invalid_grant", "assertion lifetime too long")
		return
	case claims.ID == "":
		oauthError(w, 400, "invalid_grant", "jti missing")
		return
	}
	for _, sc := range strings.Fields(claims.Scope) {
		if !slices.Contains(s.Scopes, sc) {
			oauthError(w, 400, "invalid_scope", "scope not allowed: "+sc)
			return
		}
	}
	s.mu.Lock()
	replay := s.jtis[claims.ID]
	s.jtis[claims.ID] = true
	tok := fmt.Sprintf("token-%d", len(s.tokens)+1)
	s.tokens[tok] = time.Now().Add(s.TokenTTL)
	s.mu.Unlock()
	if replay {
		oauthError(w, 400, "invalid_grant", "assertion replayed")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"access_token": tok, "token_type": "Bearer",
		"expires_in": int(s.TokenTTL.Seconds()), "scope": claims.Scope})
}

// metadata serves a deployed app's minimal application metadata. It is not a
// storage request, so Requests does not list it.
func (s *Server) metadata(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("org") + "/" + r.PathValue("app")
	s.mu.Lock()
	known := slices.Contains(s.Apps, id)
	s.mu.Unlock()
	if !known {
		problem(w, r, http.StatusNotFound, "app_not_found", "no app "+id+" is deployed")
		return
	}
	writeJSON(w, map[string]any{"id": id, "org": r.PathValue("org"), "title": map[string]string{"nb": r.PathValue("app")},
		"dataTypes": []any{}})
}

func oauthError(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": desc})
}

// problem answers as httpx.WriteProblem does.
func problem(w http.ResponseWriter, r *http.Request, status int, code, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"title": http.StatusText(status), "status": status,
		"detail": detail, "code": code, "instance": r.URL.Path, "traceId": "trace-1"})
}
