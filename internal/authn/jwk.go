// SPDX-License-Identifier: MIT

package authn

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"encoding/base64"
	"fmt"
	"math/big"
)

type jwkSet struct {
	Keys []jwk `json:"keys"`
}

// jwk holds the public members we read and write. D, P and Q are only read to refuse
// private keys.
type jwk struct {
	Kty string `json:"kty"`
	Kid string `json:"kid,omitempty"`
	Use string `json:"use,omitempty"`
	Alg string `json:"alg,omitempty"`
	Crv string `json:"crv,omitempty"`
	X   string `json:"x,omitempty"`
	Y   string `json:"y,omitempty"`
	N   string `json:"n,omitempty"`
	E   string `json:"e,omitempty"`
	D   string `json:"d,omitempty"`
	P   string `json:"p,omitempty"`
	Q   string `json:"q,omitempty"`
}

func encodeJWK(k PublicKey) (jwk, error) {
	j := jwk{Kid: k.ID, Use: "sig", Alg: k.Algorithm}
	switch key := k.Key.(type) {
	case ed25519.PublicKey:
		j.Kty, j.Crv, j.X = "OKP", "Ed25519", b64(key)
	case *rsa.PublicKey:
		j.Kty, j.N, j.E = "RSA", b64(key.N.Bytes()), b64(big.NewInt(int64(key.E)).Bytes())
	case *ecdsa.PublicKey:
		raw, err := key.Bytes()
		if err != nil || len(raw) != 65 {
			return jwk{}, fmt.Errorf("%w: key %q: bad EC point", ErrInvalidKey, k.ID)
		}
		j.Kty, j.Crv, j.X, j.Y = "EC", "P-256", b64(raw[1:33]), b64(raw[33:])
	default:
		return jwk{}, fmt.Errorf("%w: key %q: unsupported type %T", ErrInvalidKey, k.ID, k.Key)
	}
	return j, nil
}

func decodeJWK(j jwk) (PublicKey, error) {
	if j.D != "" || j.P != "" || j.Q != "" {
		return PublicKey{}, fmt.Errorf("%w: kid %q contains private key material", ErrInvalidKey, j.Kid)
	}
	if j.Use != "" && j.Use != "sig" {
		return PublicKey{}, fmt.Errorf("%w: kid %q has use %q", ErrInvalidKey, j.Kid, j.Use)
	}
	out := PublicKey{ID: j.Kid, Algorithm: j.Alg}
	switch {
	case j.Kty == "OKP" && j.Crv == "Ed25519":
		x, err := unb64(j.X)
		if err != nil || len(x) != ed25519.PublicKeySize {
			return PublicKey{}, fmt.Errorf("%w: kid %q: bad Ed25519 x", ErrInvalidKey, j.Kid)
		}
		out.Key = ed25519.PublicKey(x)
	case j.Kty == "RSA":
		n, err1 := unb64(j.N)
		e, err2 := unb64(j.E)
		if err1 != nil || err2 != nil || len(n) == 0 || len(e) == 0 || len(e) > 4 {
			return PublicKey{}, fmt.Errorf("%w: kid %q: bad RSA n or e", ErrInvalidKey, j.Kid)
		}
		out.Key = &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	case j.Kty == "EC" && j.Crv == "P-256":
		x, err1 := unb64(j.X)
		y, err2 := unb64(j.Y)
		if err1 != nil || err2 != nil || len(x) != 32 || len(y) != 32 {
			return PublicKey{}, fmt.Errorf("%w: kid %q: bad EC coordinates", ErrInvalidKey, j.Kid)
		}
		pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), append(append([]byte{4}, x...), y...))
		if err != nil {
			return PublicKey{}, fmt.Errorf("%w: kid %q: EC point not on curve", ErrInvalidKey, j.Kid)
		}
		out.Key = pub
	default:
		return PublicKey{}, fmt.Errorf("%w: kid %q: unsupported kty %q crv %q", ErrInvalidKey, j.Kid, j.Kty, j.Crv)
	}
	return out, nil
}

func unb64(s string) ([]byte, error) { return base64.RawURLEncoding.DecodeString(s) }
