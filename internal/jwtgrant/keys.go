// SPDX-License-Identifier: MIT

package jwtgrant

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"

	"github.com/golang-jwt/jwt/v5"
)

// ErrKey reports a private key that cannot be read or cannot sign grants.
var ErrKey = errors.New("jwtgrant: invalid private key")

// ParsePrivateKeyPEM reads a private key from PEM: PKCS#8 ("PRIVATE KEY", any
// supported type), PKCS#1 ("RSA PRIVATE KEY") or SEC 1 ("EC PRIVATE KEY").
// Blocks of other types are skipped. Errors wrap ErrKey and never quote the key.
func ParsePrivateKeyPEM(data []byte) (crypto.Signer, error) {
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			return nil, fmt.Errorf("%w: no private key in PEM", ErrKey)
		}
		var key any
		var err error
		switch block.Type {
		case "PRIVATE KEY":
			key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
		case "RSA PRIVATE KEY":
			key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
		case "EC PRIVATE KEY":
			key, err = x509.ParseECPrivateKey(block.Bytes)
		default:
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrKey, err)
		}
		if k, ok := key.(*ed25519.PrivateKey); ok {
			key = *k
		}
		signer, ok := key.(crypto.Signer)
		if !ok {
			return nil, fmt.Errorf("%w: key type %T cannot sign", ErrKey, key)
		}
		if _, err := SigningMethod(signer); err != nil {
			return nil, err
		}
		return signer, nil
	}
}

// SigningMethod picks the JWS algorithm for key: EdDSA, RS256 or ES256.
// Other keys (including EC keys off P-256) give an error wrapping ErrKey.
func SigningMethod(key crypto.Signer) (jwt.SigningMethod, error) {
	switch k := key.(type) {
	case ed25519.PrivateKey:
		return jwt.SigningMethodEdDSA, nil
	case *rsa.PrivateKey:
		return jwt.SigningMethodRS256, nil
	case *ecdsa.PrivateKey:
		if k.Curve == elliptic.P256() {
			return jwt.SigningMethodES256, nil
		}
		return nil, fmt.Errorf("%w: EC keys must be on P-256", ErrKey)
	}
	return nil, fmt.Errorf("%w: key type %T not supported (Ed25519, RSA or EC P-256)", ErrKey, key)
}
