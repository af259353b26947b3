// SPDX-License-Identifier: MIT

package deploy

import (
	"context"
	"crypto"
	"errors"
)

// Sentinel errors.
var (
	// ErrNotConfigured: the environment has no key to sign grants with.
	ErrNotConfigured = errors.New("deploy: environment has no deploy credentials")
	// ErrRefused: the runtime answered with an error; the error text carries
	// its problem code and detail.
	ErrRefused = errors.New("deploy: runtime refused")
	// ErrUnreachable: the runtime could not be reached or answered garbage.
	ErrUnreachable = errors.New("deploy: runtime unreachable")
)

// ScopeDeploy is the scope the runtime's deploy API asks for.
const ScopeDeploy = "blankett:deploy"

// Registrar registers (or refreshes) the machine client clientID for org with
// the public keys jwks and the deploy scope. Only dev mode has one: in
// production the operator registers studio's clients.
type Registrar func(ctx context.Context, clientID, org string, jwks []byte) error

// Env is one deploy environment.
type Env struct {
	// Name is the environment's name ("test", "production").
	Name string
	// URL is the runtime's public base URL, without a trailing slash.
	URL string
	// ClientPrefix is put before the org to make the client id.
	ClientPrefix string
	// Key signs the JWT grants; nil means the environment cannot deploy.
	Key crypto.Signer
	// KeyID, when set, is sent as the assertions' "kid".
	KeyID string
	// Register, when set, is called once per org before its first token.
	Register Registrar
}

// Release is a release as the runtime reports it.
type Release struct {
	Version    string `json:"version"`
	SHA256     string `json:"sha256"`
	DeployedAt string `json:"deployedAt"`
	DeployedBy string `json:"deployedBy"`
	Active     bool   `json:"active"`
	Current    bool   `json:"current"`
	Local      bool   `json:"local"`
}
