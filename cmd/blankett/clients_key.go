// SPDX-License-Identifier: MIT

package main

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"os"

	"github.com/blankett/blankett/internal/authn"
)

// clientJWKS reads a client's public key file and returns it as a JWK Set: a PEM
// "PUBLIC KEY" or "CERTIFICATE" (Ed25519, RSA ≥ 2048 or EC P-256), a JWK, or a
// JWK Set. A PEM key gets kid, or its RFC 7638 thumbprint when kid is "".
func clientJWKS(path, kid string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
		return jwkFile(t)
	}
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, fmt.Errorf("%s: neither PEM nor a JWK", path)
	}
	var pub any
	switch block.Type {
	case "PUBLIC KEY":
		pub, err = x509.ParsePKIXPublicKey(block.Bytes)
	case "CERTIFICATE":
		var cert *x509.Certificate
		if cert, err = x509.ParseCertificate(block.Bytes); err == nil {
			pub = cert.PublicKey
		}
	default:
		// A private key here means it is about to be shared with the server
		// operator; the client alone should hold it.
		return nil, fmt.Errorf("%s: PEM block %q is not a public key; pass the public half (openssl pkey -pubout)", path, block.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ks, err := authn.NewKeySet(authn.PublicKey{ID: "k", Key: pub})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	set, err := ks.MarshalJSON()
	if err != nil {
		return nil, err
	}
	if kid == "" {
		if kid, err = thumbprint(set); err != nil {
			return nil, err
		}
	}
	ks, _ = authn.NewKeySet(authn.PublicKey{ID: kid, Key: pub})
	return ks.MarshalJSON()
}

// jwkFile accepts a JWK Set or a single JWK and returns a JWK Set.
func jwkFile(data []byte) ([]byte, error) {
	var probe struct {
		Keys json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	if probe.Keys == nil {
		data = append(append([]byte(`{"keys":[`), data...), "]}"...)
	}
	if _, err := authn.ParseJWKS(data); err != nil {
		return nil, err
	}
	return data, nil
}

// thumbprint is the RFC 7638 thumbprint of the only key in set: SHA-256 of its
// required members in lexical order.
func thumbprint(set []byte) (string, error) {
	var s struct {
		Keys []map[string]string `json:"keys"`
	}
	if err := json.Unmarshal(set, &s); err != nil || len(s.Keys) != 1 {
		return "", errors.New("key set: want exactly one key")
	}
	k := s.Keys[0]
	var members []string
	switch k["kty"] {
	case "OKP":
		members = []string{"crv", "kty", "x"}
	case "RSA":
		members = []string{"e", "kty", "n"}
	case "EC":
		members = []string{"crv", "kty", "x", "y"}
	default:
		return "", fmt.Errorf("key set: unknown kty %q", k["kty"])
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			buf.WriteByte(',')
		}
		fmt.Fprintf(&buf, "%q:%q", m, k[m])
	}
	buf.WriteByte('}')
	sum := sha256.Sum256(buf.Bytes())
	return base64.RawURLEncoding.EncodeToString(sum[:]), nil
}
