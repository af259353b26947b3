// SPDX-License-Identifier: MIT

package authn

import (
	"crypto/sha256"
	"slices"
	"sync"
	"time"
)

// maxVerified bounds the verified-token cache; when full it starts over.
const maxVerified = 10_000

// verifiedCache remembers the claims of tokens that verified, keyed by the
// token's SHA-256, until they expire. An end-user system sends the same token with
// every request, and an Ed25519 verification plus JSON decoding costs far more than
// a hash and a map lookup. It is sound because a token's verdict cannot change
// before its expiry: the bytes are fixed by the hash, and the issuer's keys are
// fixed when it is built (revoking a key means restarting with a new KeySet).
type verifiedCache struct {
	mu sync.Mutex
	m  map[[sha256.Size]byte]verified
}

type verified struct {
	claims Claims
	// from is when the token verified, until its expiry plus leeway: a clock
	// that reads outside [from, until] gets a full verification.
	from, until time.Time
}

func (c *verifiedCache) get(token string, now time.Time) (Claims, bool) {
	key := sha256.Sum256([]byte(token))
	c.mu.Lock()
	v, ok := c.m[key]
	if ok && (now.Before(v.from) || !now.Before(v.until)) {
		delete(c.m, key)
		ok = false
	}
	c.mu.Unlock()
	if !ok {
		return Claims{}, false
	}
	v.claims.Scopes = slices.Clone(v.claims.Scopes) // callers own what they get
	return v.claims, true
}

func (c *verifiedCache) put(token string, claims Claims, from, until time.Time) {
	key := sha256.Sum256([]byte(token))
	claims.Scopes = slices.Clone(claims.Scopes)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxVerified {
		c.m = make(map[[sha256.Size]byte]verified, 64)
	}
	c.m[key] = verified{claims: claims, from: from, until: until}
}
