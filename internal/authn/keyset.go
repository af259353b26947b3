// SPDX-License-Identifier: MIT

package authn

import (
	"crypto"
	"encoding/json"
	"fmt"
	"net/http"
)

// KeySet is an immutable set of verification keys. Verifying against a set, not a single
// key, is what makes rotation possible: publish the new key next to the old one, switch
// signing, and drop the old key once its tokens have expired.
type KeySet struct {
	keys []PublicKey
}

// NewKeySet builds a key set. Every key needs a unique kid and a supported type.
func NewKeySet(keys ...PublicKey) (*KeySet, error) {
	seen := make(map[string]bool, len(keys))
	out := make([]PublicKey, 0, len(keys))
	for _, k := range keys {
		alg, err := algorithmFor(k.Key)
		if err != nil {
			return nil, fmt.Errorf("key %q: %w", k.ID, err)
		}
		if k.Algorithm != "" && k.Algorithm != alg {
			return nil, fmt.Errorf("%w: key %q is %s, not %s", ErrInvalidKey, k.ID, alg, k.Algorithm)
		}
		if seen[k.ID] {
			return nil, fmt.Errorf("%w: duplicate kid %q", ErrInvalidKey, k.ID)
		}
		seen[k.ID] = true
		k.Algorithm = alg
		out = append(out, k)
	}
	return &KeySet{keys: out}, nil
}

// Keys returns a copy of the keys in s.
func (s *KeySet) Keys() []PublicKey {
	if s == nil {
		return nil
	}
	return append([]PublicKey(nil), s.keys...)
}

// Lookup finds the key for a JWT header. An empty kid matches only when exactly one key
// of the algorithm exists, because guessing between several keys would hide mistakes.
func (s *KeySet) Lookup(kid, alg string) (crypto.PublicKey, error) {
	var found []PublicKey
	if s != nil {
		for _, k := range s.keys {
			if k.Algorithm == alg && (kid == "" || k.ID == kid) {
				found = append(found, k)
			}
		}
	}
	if len(found) != 1 {
		return nil, fmt.Errorf("%w: no single %s key for kid %q", ErrUnknownKey, alg, kid)
	}
	return found[0].Key, nil
}

// MarshalJSON encodes s as a JWK Set (RFC 7517).
func (s *KeySet) MarshalJSON() ([]byte, error) {
	set := jwkSet{Keys: []jwk{}}
	for _, k := range s.Keys() {
		j, err := encodeJWK(k)
		if err != nil {
			return nil, err
		}
		set.Keys = append(set.Keys, j)
	}
	return json.Marshal(set)
}

// ParseJWKS decodes a JWK Set. It accepts Ed25519 (OKP), RSA (≥ 2048 bits) and P-256 EC
// public keys; private members are refused so a leaked private key is noticed at once.
func ParseJWKS(data []byte) (*KeySet, error) {
	var set jwkSet
	if err := json.Unmarshal(data, &set); err != nil {
		return nil, fmt.Errorf("%w: JWKS is not valid JSON", ErrInvalidKey)
	}
	keys := make([]PublicKey, 0, len(set.Keys))
	for i, j := range set.Keys {
		k, err := decodeJWK(j)
		if err != nil {
			return nil, fmt.Errorf("jwks key %d: %w", i, err)
		}
		keys = append(keys, k)
	}
	return NewKeySet(keys...)
}

// JWKSHandler serves s as application/jwk-set+json. Caching for a few minutes is fine:
// a rotated-in key is published before it signs anything.
func JWKSHandler(s *KeySet) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		body, err := s.MarshalJSON()
		if err != nil {
			http.Error(w, "key set unavailable", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/jwk-set+json")
		w.Header().Set("Cache-Control", "public, max-age=300")
		_, _ = w.Write(body)
	})
}
