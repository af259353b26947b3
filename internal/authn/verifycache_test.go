// SPDX-License-Identifier: MIT

package authn

import (
	"errors"
	"testing"
	"time"
)

// TestVerifyCache: a token that verified is served from the cache (shown by
// emptying the key set behind the issuer's back), a cached token still expires,
// and another token, however similar, is verified in full.
func TestVerifyCache(t *testing.T) {
	t.Parallel()
	c := &clock{t: time.Unix(1_750_000_000, 0)}
	iss := newTestIssuer(t, c)
	tok, _, err := iss.Issue(Claims{Subject: "1", UserID: "1", Scopes: []string{"a"}}, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	other, _, err := iss.Issue(Claims{Subject: "2", UserID: "2"}, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	got, err := iss.Verify(tok)
	if err != nil {
		t.Fatal(err)
	}
	got.Scopes[0] = "changed by the caller"
	iss.keys, _ = NewKeySet() // no key verifies anything now
	again, err := iss.Verify(tok)
	if err != nil || again.UserID != "1" || again.Scopes[0] != "a" {
		t.Fatalf("second Verify = %+v, %v; want the cached claims, unchanged", again, err)
	}
	if _, err := iss.Verify(other); !errors.Is(err, ErrUnknownKey) {
		t.Fatalf("Verify of a token never verified = %v, want a full verification (ErrUnknownKey)", err)
	}
	// Change a character in the middle of the signature: the last ones of an
	// Ed25519 signature often encode only zero bits.
	i := len(tok) - 20
	flipped := tok[:i] + map[bool]string{true: "B", false: "A"}[tok[i] == 'A'] + tok[i+1:]
	if _, err := iss.Verify(flipped); err == nil {
		t.Fatal("a token with another signature verified from the cache")
	}
	c.t = c.t.Add(time.Minute + iss.leeway)
	if _, err := iss.Verify(tok); err == nil {
		t.Fatal("a cached token verified after its expiry")
	}
	c.t = time.Unix(1_750_000_000, 0).Add(-time.Hour)
	if _, err := iss.Verify(tok); err == nil {
		t.Fatal("a cached token verified on a clock set before it was verified")
	}
}
