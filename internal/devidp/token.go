// SPDX-License-Identifier: MIT

package devidp

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

// token redeems an authorization code. Every failure is an OAuth error JSON; a code is
// spent on the first attempt, right or wrong.
func (p *Provider) token(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request")
		return
	}
	f := r.PostForm
	if f.Get("grant_type") != "authorization_code" {
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type")
		return
	}
	clientID, secret, basic := r.BasicAuth()
	if !basic {
		clientID, secret = f.Get("client_id"), f.Get("client_secret")
	}
	client, ok := p.clients[clientID]
	if !ok || subtle.ConstantTimeCompare([]byte(client.Secret), []byte(secret)) != 1 {
		w.Header().Set("WWW-Authenticate", `Basic realm="devidp"`)
		oauthError(w, http.StatusUnauthorized, "invalid_client")
		return
	}
	now := p.now()
	g, ok := p.codes.take(f.Get("code"), now)
	if !ok || g.clientID != clientID || g.redirectURI != f.Get("redirect_uri") || !pkceMatches(f.Get("code_verifier"), g.challenge) {
		oauthError(w, http.StatusBadRequest, "invalid_grant")
		return
	}
	exp := now.Add(p.tokenTTL)
	idClaims := jwt.MapClaims{
		"iss": p.issuer, "sub": g.user.Sub, "aud": clientID, "iat": now.Unix(), "exp": exp.Unix(),
		"auth_time": g.authTime.Unix(), "acr": g.acr, "amr": []string{"TestID"},
		"pid": g.user.PID, "name": g.user.Name, "locale": g.user.Locale,
	}
	if g.nonce != "" {
		idClaims["nonce"] = g.nonce
	}
	idToken, err1 := p.sign(idClaims)
	access, err2 := p.sign(jwt.MapClaims{
		"iss": p.issuer, "sub": g.user.Sub, "client_id": clientID, "aud": p.issuer + "/userinfo",
		"iat": now.Unix(), "exp": exp.Unix(), "scope": g.scope, "acr": g.acr, "pid": g.user.PID,
	})
	if err1 != nil || err2 != nil {
		oauthError(w, http.StatusInternalServerError, "server_error")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": access, "id_token": idToken, "token_type": "Bearer",
		"expires_in": int(p.tokenTTL.Seconds()), "scope": g.scope,
	})
}

func (p *Provider) sign(claims jwt.MapClaims) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodEdDSA, claims)
	t.Header["kid"] = p.key.ID
	return t.SignedString(p.key.Private)
}

// pkceMatches checks the S256 verifier (RFC 7636 §4.6) in constant time.
func pkceMatches(verifier, challenge string) bool {
	if len(verifier) < 43 || len(verifier) > 128 {
		return false
	}
	sum := sha256.Sum256([]byte(verifier))
	got := base64.RawURLEncoding.EncodeToString(sum[:])
	return subtle.ConstantTimeCompare([]byte(got), []byte(challenge)) == 1
}

func oauthError(w http.ResponseWriter, status int, code string) {
	writeJSON(w, status, map[string]string{"error": code})
}
