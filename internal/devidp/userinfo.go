// SPDX-License-Identifier: MIT

package devidp

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// userinfo returns the claims of the user an access token was issued for.
func (p *Provider) userinfo(w http.ResponseWriter, r *http.Request) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="devidp"`)
		oauthError(w, http.StatusUnauthorized, "invalid_token")
		return
	}
	var claims jwt.MapClaims
	_, err := jwt.ParseWithClaims(raw, &claims, func(*jwt.Token) (any, error) { return p.key.Public().Key, nil },
		jwt.WithValidMethods([]string{"EdDSA"}), jwt.WithIssuer(p.issuer), jwt.WithAudience(p.issuer+"/userinfo"),
		jwt.WithExpirationRequired(), jwt.WithTimeFunc(p.now))
	pid, _ := claims["pid"].(string)
	user, found := p.seed.UserByPID(pid)
	if err != nil || !found {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		oauthError(w, http.StatusUnauthorized, "invalid_token")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"sub": user.Sub, "pid": user.PID, "name": user.Name, "locale": user.Locale})
}
