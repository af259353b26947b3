// SPDX-License-Identifier: MIT

package devidp

import (
	"encoding/json"
	"net/http"
)

// discovery serves the OpenID Provider metadata. go-oidc checks that "issuer" equals
// the URL it was given, so it must be the exact issuer string.
func (p *Provider) discovery(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                         p.issuer,
		"authorization_endpoint":                         p.issuer + "/authorize",
		"token_endpoint":                                 p.issuer + "/token",
		"userinfo_endpoint":                              p.issuer + "/userinfo",
		"jwks_uri":                                       p.issuer + "/jwks",
		"response_types_supported":                       []string{"code"},
		"response_modes_supported":                       []string{"query"},
		"grant_types_supported":                          []string{"authorization_code"},
		"subject_types_supported":                        []string{"public"},
		"id_token_signing_alg_values_supported":          []string{"EdDSA"},
		"code_challenge_methods_supported":               []string{"S256"},
		"token_endpoint_auth_methods_supported":          []string{"client_secret_basic", "client_secret_post", "none"},
		"scopes_supported":                               []string{"openid", "profile", "altinn:instances.read", "altinn:instances.write"},
		"claims_supported":                               []string{"sub", "pid", "name", "acr", "amr", "nonce", "locale"},
		"acr_values_supported":                           []string{acrSubstantial, acrHigh},
		"authorization_response_iss_parameter_supported": true,
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
