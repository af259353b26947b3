// SPDX-License-Identifier: MIT

package client

import (
	"crypto"
	"fmt"

	"github.com/blankett/blankett/internal/jwtgrant"
)

// ParsePrivateKeyPEM reads a client key from PEM: PKCS#8 ("PRIVATE KEY", any
// supported type), PKCS#1 ("RSA PRIVATE KEY") or SEC 1 ("EC PRIVATE KEY").
func ParsePrivateKeyPEM(data []byte) (crypto.Signer, error) {
	key, err := jwtgrant.ParsePrivateKeyPEM(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	return key, nil
}

// checkKey reports, as ErrConfig, a key the JWT grant cannot sign with.
func checkKey(key crypto.Signer) error {
	if _, err := jwtgrant.SigningMethod(key); err != nil {
		return fmt.Errorf("%w: %w", ErrConfig, err)
	}
	return nil
}
