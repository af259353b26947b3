// SPDX-License-Identifier: MIT

package auth_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/webtest"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/golang-jwt/jwt/v5"
)

func TestMachineClientToken(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db, nil)
		pub, priv, _ := ed25519.GenerateKey(rand.Reader)
		keys, err := authn.NewKeySet(authn.PublicKey{ID: "k1", Key: pub})
		if err != nil {
			t.Fatal(err)
		}
		jwks, _ := json.Marshal(keys)
		if _, err := e.store.CreateClient(context.Background(), store.MachineClient{ClientID: "etat-system",
			OrgNumber: bakeryOrg, Name: "Etat", JWKS: string(jwks), Scopes: "altinn:instances.read altinn:instances.write"}); err != nil {
			t.Fatal(err)
		}
		assertion := func(iss, scope string) string {
			now := time.Now()
			tok := jwt.NewWithClaims(jwt.SigningMethodEdDSA, jwt.MapClaims{"iss": iss, "aud": e.url + auth.PathToken,
				"iat": now.Unix(), "exp": now.Add(time.Minute).Unix(), "jti": rand.Text(), "scope": scope})
			tok.Header["kid"] = "k1"
			s, err := tok.SignedString(priv)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		grant := func(a string) response {
			return webtest.Do(t, http.DefaultClient, http.MethodPost, e.url+auth.PathToken,
				url.Values{"grant_type": {authn.GrantTypeJWTBearer}, "assertion": {a}})
		}
		tests := []struct {
			name, iss, scope string
			wantStatus       int
			wantError        string
		}{
			{"allowed scope", "etat-system", "altinn:instances.read", http.StatusOK, ""},
			{"wrong scope", "etat-system", "altinn:serviceowner", http.StatusBadRequest, "invalid_scope"},
			{"unknown client", "nobody", "altinn:instances.read", http.StatusUnauthorized, "invalid_client"},
		}
		var token string
		for _, tt := range tests {
			r := grant(assertion(tt.iss, tt.scope))
			if r.Status != tt.wantStatus {
				t.Fatalf("%s: %d %s", tt.name, r.Status, r.Body)
			}
			if tt.wantError != "" {
				if code := problemCode(t, r); code != tt.wantError {
					t.Fatalf("%s: error %q", tt.name, code)
				}
				continue
			}
			var tr authn.TokenResponse
			if err := json.Unmarshal([]byte(r.Body), &tr); err != nil || tr.AccessToken == "" || tr.TokenType != "Bearer" {
				t.Fatalf("%s: %s", tt.name, r.Body)
			}
			token = tr.AccessToken
		}

		me := callerOf(t, webtest.Do(t, http.DefaultClient, http.MethodGet, e.url+"/whoami", nil, "Authorization", "Bearer "+token))
		if me.Kind != auth.Machine || me.ClientID != "etat-system" || me.OrgNumber != bakeryOrg ||
			!me.HasScope("altinn:instances.read") || me.HasScope("altinn:instances.write") {
			t.Fatalf("machine caller: %+v", me)
		}
		for _, bad := range []string{"Bearer " + token + "x", "Basic abc", "Bearer " + strings.Repeat("e", 40)} {
			r := webtest.Do(t, http.DefaultClient, http.MethodGet, e.url+"/whoami", nil, "Authorization", bad)
			if r.Status != http.StatusUnauthorized || !strings.Contains(r.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Fatalf("%q: %d %v", bad, r.Status, r.Header)
			}
		}

		r := webtest.Do(t, http.DefaultClient, http.MethodGet, e.url+auth.PathJWKS, nil)
		set, err := authn.ParseJWKS([]byte(r.Body))
		if err != nil || len(set.Keys()) != 1 {
			t.Fatalf("jwks: %v %s", err, r.Body)
		}
		if short := webtest.Do(t, http.DefaultClient, http.MethodGet, e.url+auth.PathJWKSShort, nil); short.Body != r.Body {
			t.Fatalf("short jwks path differs: %s", short.Body)
		}
		var meta struct {
			Issuer        string `json:"issuer"`
			TokenEndpoint string `json:"token_endpoint"`
		}
		cfg := webtest.Do(t, http.DefaultClient, http.MethodGet, e.url+auth.PathConfiguration, nil)
		if err := json.Unmarshal([]byte(cfg.Body), &meta); err != nil || meta.TokenEndpoint != e.url+auth.PathToken {
			t.Fatalf("configuration: %s", cfg.Body)
		}
	})
}
