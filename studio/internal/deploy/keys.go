// SPDX-License-Identifier: MIT

package deploy

import (
	"crypto"

	"github.com/blankett/blankett/internal/jwtgrant"
)

// ErrKey reports a deploy key file that cannot be used.
var ErrKey = jwtgrant.ErrKey

// ParsePrivateKeyPEM reads a private key from PEM: PKCS#8 ("PRIVATE KEY"),
// PKCS#1 ("RSA PRIVATE KEY") or SEC 1 ("EC PRIVATE KEY"). Errors wrap ErrKey
// and never quote the key.
func ParsePrivateKeyPEM(data []byte) (crypto.Signer, error) {
	return jwtgrant.ParsePrivateKeyPEM(data)
}
