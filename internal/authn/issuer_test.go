// SPDX-License-Identifier: MIT

package authn

import (
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newTestIssuer(t *testing.T, c *clock, previous ...PublicKey) *Issuer {
	t.Helper()
	key, err := GenerateSigningKey()
	if err != nil {
		t.Fatal(err)
	}
	iss, err := NewIssuer(IssuerConfig{Issuer: "https://blankett.test", Key: key, Previous: previous, Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	return iss
}

func TestIssuerRoundTrip(t *testing.T) {
	t.Parallel()
	c := &clock{t: time.Unix(1_750_000_000, 0)}
	iss := newTestIssuer(t, c)
	in := Claims{Subject: "20000011", UserID: "20000011", PartyID: 50002119, AuthLevel: 4, AuthMethod: "IDporten",
		PID: "01017012345", Scopes: []string{"altinn:instances.read", "altinn:instances.write"}, ClientID: "cli"}
	tok, issued, err := iss.Issue(in, 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	got, err := iss.Verify(tok)
	if err != nil {
		t.Fatal(err)
	}
	if got.UserID != in.UserID || got.PartyID != in.PartyID || got.AuthLevel != 4 || got.PID != in.PID ||
		!got.HasScope("altinn:instances.write") || got.ID != issued.ID || !got.ExpiresAt.Equal(c.t.Add(10*time.Minute)) {
		t.Fatalf("claims = %+v", got)
	}
	// The wire shape matches Altinn's: userid a string, partyid and authlevel numbers.
	payload := decodePayload(t, tok)
	for name, want := range map[string]any{ClaimUserID: "20000011", ClaimPartyID: 50002119.0, ClaimAuthLevel: 4.0,
		ClaimScope: "altinn:instances.read altinn:instances.write", "iss": "https://blankett.test"} {
		if payload[name] != want {
			t.Errorf("%s = %#v, want %#v", name, payload[name], want)
		}
	}
	if _, ok := payload[ClaimOrg]; ok {
		t.Error("empty org must be omitted")
	}
}

func TestIssuerVerifyRejects(t *testing.T) {
	t.Parallel()
	c := &clock{t: time.Unix(1_750_000_000, 0)}
	iss := newTestIssuer(t, c)
	other := newTestIssuer(t, c)
	good, _, _ := iss.Issue(Claims{Subject: "s"}, time.Minute)
	foreign, _, _ := other.Issue(Claims{Subject: "s"}, time.Minute)
	expiring, _, _ := iss.Issue(Claims{Subject: "s"}, time.Second)
	later := &clock{t: c.t.Add(time.Hour)}
	lateIss := &Issuer{iss: iss.iss, key: iss.key, keys: iss.keys, leeway: iss.leeway, now: later.now}
	tests := []struct {
		name   string
		verify *Issuer
		token  string
		want   error
	}{
		{"garbage", iss, "not.a.jwt", ErrInvalidToken},
		{"other issuer's key", iss, foreign, ErrUnknownKey},
		{"tampered", iss, good[:len(good)-4] + "AAAA", ErrInvalidToken},
		{"expired", lateIss, expiring, ErrTokenExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := tt.verify.Verify(tt.token)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if strings.Contains(err.Error(), tt.token) {
				t.Fatal("error leaks the token")
			}
		})
	}
}

func TestIssuerRotation(t *testing.T) {
	t.Parallel()
	c := &clock{t: time.Unix(1_750_000_000, 0)}
	old := newTestIssuer(t, c)
	tok, _, _ := old.Issue(Claims{Subject: "s"}, time.Minute)
	rotated := newTestIssuer(t, c, old.key.Public())
	if _, err := rotated.Verify(tok); err != nil {
		t.Fatalf("token of the previous key: %v", err)
	}
	rec := httptest.NewRecorder()
	rotated.JWKSHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/jwks", nil))
	set, err := ParseJWKS(rec.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Keys()) != 2 || rec.Header().Get("Content-Type") != "application/jwk-set+json" {
		t.Fatalf("jwks = %s", rec.Body)
	}
}

func decodePayload(t *testing.T, tok string) map[string]any {
	t.Helper()
	raw, err := unb64(strings.Split(tok, ".")[1])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}
