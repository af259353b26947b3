// SPDX-License-Identifier: MIT

package authn

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
)

// JWT algorithm names accepted by this package.
const (
	AlgEdDSA = "EdDSA"
	AlgRS256 = "RS256"
	AlgES256 = "ES256"
)

// SigningKey is an Ed25519 private key with its key id. The id is the RFC 7638 JWK
// thumbprint of the public key, so the same key always gets the same kid.
type SigningKey struct {
	ID      string
	Private ed25519.PrivateKey
}

// GenerateSigningKey creates a fresh Ed25519 signing key.
func GenerateSigningKey() (SigningKey, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return SigningKey{}, fmt.Errorf("%w: generate key: %v", ErrInvalidKey, err)
	}
	return NewSigningKey(priv), nil
}

// NewSigningKey wraps priv and derives its kid.
func NewSigningKey(priv ed25519.PrivateKey) SigningKey {
	pub, _ := priv.Public().(ed25519.PublicKey)
	return SigningKey{ID: thumbprintOKP(pub), Private: priv}
}

// Public returns the verification half of k.
func (k SigningKey) Public() PublicKey {
	pub, _ := k.Private.Public().(ed25519.PublicKey)
	return PublicKey{ID: k.ID, Algorithm: AlgEdDSA, Key: pub}
}

func (k SigningKey) valid() bool {
	return k.ID != "" && len(k.Private) == ed25519.PrivateKeySize
}

// PublicKey is one verification key: an ed25519.PublicKey, *rsa.PublicKey or
// *ecdsa.PublicKey (P-256), with its kid and JWT algorithm.
type PublicKey struct {
	ID        string
	Algorithm string
	Key       crypto.PublicKey
}

// algorithmFor returns the only JWT algorithm this package accepts for key.
func algorithmFor(key crypto.PublicKey) (string, error) {
	switch k := key.(type) {
	case ed25519.PublicKey:
		if len(k) == ed25519.PublicKeySize {
			return AlgEdDSA, nil
		}
	case *rsa.PublicKey:
		if k.N != nil && k.N.BitLen() >= 2048 {
			return AlgRS256, nil
		}
		return "", fmt.Errorf("%w: RSA keys must have at least 2048 bits", ErrInvalidKey)
	case *ecdsa.PublicKey:
		if k.Curve == elliptic.P256() {
			return AlgES256, nil
		}
		return "", fmt.Errorf("%w: only P-256 EC keys are supported", ErrInvalidKey)
	}
	return "", fmt.Errorf("%w: unsupported key type %T", ErrInvalidKey, key)
}

// thumbprintOKP is the RFC 7638 thumbprint of an Ed25519 public key: SHA-256 of the
// required members in lexical order, without whitespace.
func thumbprintOKP(pub ed25519.PublicKey) string {
	canon := `{"crv":"Ed25519","kty":"OKP","x":"` + b64(pub) + `"}`
	sum := sha256.Sum256([]byte(canon))
	return b64(sum[:])
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }
