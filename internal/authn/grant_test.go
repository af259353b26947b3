// SPDX-License-Identifier: MIT

package authn

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const testAudience = "https://blankett.test/authentication/api/v1/token"

// testClient is a machine client with its private key, registered through its JWKS.
type testClient struct {
	id     string
	method jwt.SigningMethod
	priv   crypto.Signer
}

func newTestClient(t *testing.T, id, alg string) testClient {
	t.Helper()
	switch alg {
	case AlgRS256:
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		return testClient{id, jwt.SigningMethodRS256, k}
	case AlgES256:
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		return testClient{id, jwt.SigningMethodES256, k}
	}
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return testClient{id, jwt.SigningMethodEdDSA, k}
}

// register round-trips the public key through JWKS JSON, as a real registration would.
func (c testClient) register(t *testing.T, scopes ...string) Client {
	t.Helper()
	set, err := NewKeySet(PublicKey{ID: c.id + "-key", Key: c.priv.Public()})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := set.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := ParseJWKS(raw)
	if err != nil {
		t.Fatal(err)
	}
	return Client{ID: c.id, OrgNumber: "991825827", Org: "ttd", Scopes: scopes, Keys: parsed}
}

func (c testClient) assertion(t *testing.T, now time.Time, edit func(jwt.MapClaims)) string {
	t.Helper()
	claims := jwt.MapClaims{"iss": c.id, "aud": testAudience, "iat": now.Unix(), "exp": now.Add(2 * time.Minute).Unix(),
		"jti": rand.Text(), "scope": "altinn:serviceowner/instances.read"}
	if edit != nil {
		edit(claims)
	}
	tok := jwt.NewWithClaims(c.method, claims)
	tok.Header["kid"] = c.id + "-key"
	s, err := tok.SignedString(c.priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestExchangeJWTGrant(t *testing.T) {
	t.Parallel()
	c := &clock{t: time.Unix(1_750_000_000, 0)}
	iss := newTestIssuer(t, c)
	g, err := NewGrantExchanger(GrantConfig{Audience: testAudience, Issuer: iss, ReplayCacheSize: 10})
	if err != nil {
		t.Fatal(err)
	}
	scopes := []string{"altinn:serviceowner/instances.read", "altinn:serviceowner/instances.write"}
	rs, es, ed := newTestClient(t, "rs", AlgRS256), newTestClient(t, "es", AlgES256), newTestClient(t, "ed", AlgEdDSA)
	intruder := newTestClient(t, "ed", AlgEdDSA) // same id, unregistered key
	disabled := newTestClient(t, "off", AlgEdDSA)
	clients := map[string]Client{"rs": rs.register(t, scopes...), "es": es.register(t, scopes...), "ed": ed.register(t, scopes...)}
	off := disabled.register(t, scopes...)
	off.Disabled = true
	clients["off"] = off
	lookup := func(_ context.Context, id string) (Client, error) {
		if id == "broken" {
			return Client{}, errors.New("db down")
		}
		cl, ok := clients[id]
		if !ok {
			return Client{}, fmt.Errorf("lookup %s: %w", id, ErrInvalidClient)
		}
		return cl, nil
	}
	replayed := ed.assertion(t, c.t, nil)
	if _, err := g.ExchangeJWTGrant(context.Background(), replayed, lookup); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		assertion string
		want      error
	}{
		{"good RS256", rs.assertion(t, c.t, nil), nil},
		{"good ES256", es.assertion(t, c.t, nil), nil},
		{"good EdDSA two scopes", ed.assertion(t, c.t, func(m jwt.MapClaims) { m["scope"] = strings.Join(scopes, " ") }), nil},
		{"wrong key", intruder.assertion(t, c.t, nil), ErrInvalidGrant},
		{"expired", ed.assertion(t, c.t.Add(-10*time.Minute), nil), ErrTokenExpired},
		{"lifetime too long", ed.assertion(t, c.t, func(m jwt.MapClaims) { m["exp"] = c.t.Add(time.Hour).Unix() }), ErrAssertionLifetime},
		{"wrong audience", ed.assertion(t, c.t, func(m jwt.MapClaims) { m["aud"] = "https://elsewhere" }), ErrInvalidGrant},
		{"replayed jti", replayed, ErrReplay},
		{"no jti", ed.assertion(t, c.t, func(m jwt.MapClaims) { delete(m, "jti") }), ErrInvalidGrant},
		{"scope not allowed", ed.assertion(t, c.t, func(m jwt.MapClaims) { m["scope"] = "altinn:instances.read" }), ErrScopeNotAllowed},
		{"no scope", ed.assertion(t, c.t, func(m jwt.MapClaims) { delete(m, "scope") }), ErrScopeNotAllowed},
		{"unknown client", ed.assertion(t, c.t, func(m jwt.MapClaims) { m["iss"] = "nobody" }), ErrInvalidClient},
		{"disabled client", disabled.assertion(t, c.t, nil), ErrClientDisabled},
		{"lookup fails", ed.assertion(t, c.t, func(m jwt.MapClaims) { m["iss"] = "broken" }), ErrServer},
		{"garbage", "abc.def.ghi", ErrInvalidGrant},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok, err := g.ExchangeJWTGrant(context.Background(), tt.assertion, lookup)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if err != nil {
				if strings.Contains(err.Error(), tt.assertion) {
					t.Fatal("error leaks the assertion")
				}
				return
			}
			claims, err := iss.Verify(tok.AccessToken)
			if err != nil {
				t.Fatal(err)
			}
			if claims.Org != "ttd" || claims.OrgNumber != "991825827" || claims.ClientID == "" || claims.AuthLevel != 3 ||
				!claims.HasScope("altinn:serviceowner/instances.read") || tok.TokenType != "Bearer" || tok.ExpiresIn != 1800 {
				t.Fatalf("token = %+v claims = %+v", tok, claims)
			}
		})
	}
}

func TestReplayCacheBounded(t *testing.T) {
	t.Parallel()
	now := time.Unix(1000, 0)
	c := newReplayCache(2)
	for _, step := range []struct {
		key  string
		exp  time.Time
		now  time.Time
		want error
	}{
		{"a", now.Add(time.Minute), now, nil},
		{"b", now.Add(2 * time.Minute), now, nil},
		{"c", now.Add(time.Minute), now, ErrBusy},                           // full of live ids
		{"a", now.Add(time.Minute), now, ErrReplay},                         // still live
		{"c", now.Add(3 * time.Minute), now.Add(90 * time.Second), nil},     // a expired, evicted
		{"a", now.Add(4 * time.Minute), now.Add(90 * time.Second), ErrBusy}, // b and c live
	} {
		if err := c.use(step.key, step.exp, step.now); !errors.Is(err, step.want) {
			t.Fatalf("use(%s) = %v, want %v", step.key, err, step.want)
		}
	}
}

func TestTokenHandler(t *testing.T) {
	t.Parallel()
	c := &clock{t: time.Unix(1_750_000_000, 0)}
	g, err := NewGrantExchanger(GrantConfig{Audience: testAudience, Issuer: newTestIssuer(t, c)})
	if err != nil {
		t.Fatal(err)
	}
	ed := newTestClient(t, "ed", AlgEdDSA)
	reg := ed.register(t, "altinn:serviceowner/instances.read")
	lookup := func(_ context.Context, id string) (Client, error) {
		if id == "ed" {
			return reg, nil
		}
		return Client{}, ErrInvalidClient
	}
	h := g.TokenHandler(lookup, nil)
	tests := []struct {
		name       string
		method     string
		form       url.Values
		wantStatus int
		wantError  string
	}{
		{"good", "POST", url.Values{"grant_type": {GrantTypeJWTBearer}, "assertion": {ed.assertion(t, c.t, nil)}}, 200, ""},
		{"GET", "GET", nil, 405, "invalid_request"},
		{"wrong grant type", "POST", url.Values{"grant_type": {"client_credentials"}}, 400, "unsupported_grant_type"},
		{"no assertion", "POST", url.Values{"grant_type": {GrantTypeJWTBearer}}, 400, "invalid_request"},
		{"unknown client", "POST", url.Values{"grant_type": {GrantTypeJWTBearer},
			"assertion": {ed.assertion(t, c.t, func(m jwt.MapClaims) { m["iss"] = "x" })}}, 401, "invalid_client"},
		{"bad scope", "POST", url.Values{"grant_type": {GrantTypeJWTBearer},
			"assertion": {ed.assertion(t, c.t, func(m jwt.MapClaims) { m["scope"] = "admin" })}}, 400, "invalid_scope"},
		{"expired", "POST", url.Values{"grant_type": {GrantTypeJWTBearer},
			"assertion": {ed.assertion(t, c.t.Add(-time.Hour), nil)}}, 400, "invalid_grant"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequest(tt.method, "/token", strings.NewReader(tt.form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			var body map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			if rec.Code != tt.wantStatus || rec.Header().Get("Cache-Control") != "no-store" {
				t.Fatalf("status = %d, body %v", rec.Code, body)
			}
			if tt.wantError == "" {
				if body["access_token"] == "" || body["token_type"] != "Bearer" {
					t.Fatalf("body = %v", body)
				}
				return
			}
			if body["error"] != tt.wantError || body["error_description"] == "" {
				t.Fatalf("body = %v", body)
			}
			if a := tt.form.Get("assertion"); a != "" && strings.Contains(rec.Body.String(), a) {
				t.Fatal("response leaks the assertion")
			}
		})
	}
}
