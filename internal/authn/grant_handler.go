// SPDX-License-Identifier: MIT

package authn

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
)

// oauthError is the RFC 6749 §5.2 error body.
type oauthError struct {
	Error       string `json:"error"`
	Description string `json:"error_description,omitempty"`
}

// TokenHandler serves the token endpoint for the JWT bearer grant:
// POST grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<JWT>.
// Failures are OAuth 2.0 error JSON with a stable error code and a safe description;
// the assertion never appears in the response or in the log line. log may be nil.
func (g *GrantExchanger) TokenHandler(lookup ClientLookup, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			writeOAuthError(w, http.StatusMethodNotAllowed, "invalid_request", "use POST")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		if err := r.ParseForm(); err != nil {
			writeOAuthError(w, http.StatusBadRequest, "invalid_request", "body must be application/x-www-form-urlencoded")
			return
		}
		if gt := r.PostForm.Get("grant_type"); gt != GrantTypeJWTBearer {
			writeOAuthError(w, http.StatusBadRequest, "unsupported_grant_type", "only "+GrantTypeJWTBearer+" is supported")
			return
		}
		assertion := r.PostForm.Get("assertion")
		if assertion == "" {
			writeOAuthError(w, http.StatusBadRequest, "invalid_request", "assertion missing")
			return
		}
		tok, err := g.ExchangeJWTGrant(r.Context(), assertion, lookup)
		if err != nil {
			status, code := grantErrorCode(err)
			if log != nil {
				log.LogAttrs(r.Context(), slog.LevelInfo, "token request refused",
					slog.String("error", err.Error()), slog.String("oauth_error", code))
			}
			writeOAuthError(w, status, code, publicDescription(err))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_ = json.NewEncoder(w).Encode(tok)
	})
}

// grantErrorCode maps sentinels to the OAuth error code and status.
func grantErrorCode(err error) (int, string) {
	switch {
	case errors.Is(err, ErrInvalidClient), errors.Is(err, ErrClientDisabled):
		return http.StatusUnauthorized, "invalid_client"
	case errors.Is(err, ErrScopeNotAllowed):
		return http.StatusBadRequest, "invalid_scope"
	case errors.Is(err, ErrInvalidRequest):
		return http.StatusBadRequest, "invalid_request"
	case errors.Is(err, ErrBusy):
		return http.StatusServiceUnavailable, "temporarily_unavailable"
	case errors.Is(err, ErrServer), errors.Is(err, ErrInvalidConfig):
		return http.StatusInternalServerError, "server_error"
	}
	return http.StatusBadRequest, "invalid_grant"
}

// publicDescription is the error text without the "authn: " prefix; server errors are
// reduced to their sentinel so internal details stay in the log.
func publicDescription(err error) string {
	if errors.Is(err, ErrServer) {
		err = ErrServer
	}
	const prefix = "authn: "
	msg := err.Error()
	if len(msg) > len(prefix) && msg[:len(prefix)] == prefix {
		msg = msg[len(prefix):]
	}
	return msg
}

func writeOAuthError(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(oauthError{Error: code, Description: desc})
}
