// SPDX-License-Identifier: MIT

package runtime_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/runtime"
)

func TestLoadSigningKey(t *testing.T) {
	dir := t.TempDir()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	seed := priv.Seed()
	tests := []struct {
		name    string
		content []byte
		wantErr bool
	}{
		{"pkcs8 pem", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), false},
		{"raw seed", seed, false},
		{"hex seed", []byte(hex.EncodeToString(seed) + "\n"), false},
		{"base64 seed", []byte(base64.StdEncoding.EncodeToString(seed)), false},
		{"base64url seed", []byte(base64.RawURLEncoding.EncodeToString(seed)), false},
		{"too short", []byte("c2VjcmV0"), true},
		{"pem of another kind", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: []byte("SECRETJUNK")}), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_"))
			if err := os.WriteFile(path, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			k, err := runtime.LoadSigningKey(path)
			if tt.wantErr {
				if !errors.Is(err, runtime.ErrConfig) || strings.Contains(err.Error(), "SECRET") || strings.Contains(err.Error(), "c2Vj") {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err != nil || !k.Private.Equal(priv) || k.ID == "" {
				t.Fatalf("key %v, err %v", k.ID, err)
			}
		})
	}
}

func TestConfigValidate(t *testing.T) {
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key")
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	if err := os.WriteFile(keyFile, []byte(hex.EncodeToString(priv.Seed())), 0o600); err != nil {
		t.Fatal(err)
	}
	full := runtime.DefaultConfig()
	full.OIDCIssuer, full.OIDCClientID, full.TokenSigningKey = "https://idp.example.no", "blankett", keyFile
	with := func(f func(*runtime.Config)) runtime.Config {
		c := full
		f(&c)
		return c
	}
	const url = "https://forms.example.no"
	tests := []struct {
		name    string
		cfg     runtime.Config
		dev     bool
		wantErr string
	}{
		{"nothing configured: login off", runtime.DefaultConfig(), false, ""},
		{"fully configured", full, false, ""},
		{"dev with nothing", runtime.DefaultConfig(), true, ""},
		{"issuer without key", with(func(c *runtime.Config) { c.TokenSigningKey = "" }), false, "--token-signing-key-file is required"},
		{"secret alone", with(func(c *runtime.Config) { *c = runtime.DefaultConfig(); c.OIDCClientSecret = "s" }), false, "--oidc-issuer is required"},
		{"http issuer outside dev", with(func(c *runtime.Config) { c.OIDCIssuer = "http://idp" }), false, "https"},
		{"http issuer in dev", with(func(c *runtime.Config) { c.OIDCIssuer = "http://localhost:9000" }), true, ""},
		{"short state key", with(func(c *runtime.Config) { c.LoginStateKey = "short" }), false, "at least 32 bytes"},
		{"missing key file", with(func(c *runtime.Config) { c.TokenSigningKey = filepath.Join(dir, "nope") }), false, "no such file"},
		{"max age below idle", with(func(c *runtime.Config) { c.SessionMaxAge = c.SessionIdle / 2 }), false, "must not be shorter"},
		{"zero timeouts", with(func(c *runtime.Config) { c.SessionIdle = 0 }), false, "must be positive"},
		{"dev seed outside dev", with(func(c *runtime.Config) { c.DevSeed = keyFile }), false, "needs --dev"},
		{"bad dev seed", with(func(c *runtime.Config) { c.DevSeed = keyFile }), true, "--dev-seed"},
		{"app directory", with(func(c *runtime.Config) { c.Apps = []string{dir} }), false, ""},
		{"app is a file", with(func(c *runtime.Config) { c.Apps = []string{keyFile} }), false, "--app"},
		{"app missing", with(func(c *runtime.Config) { c.Apps = []string{filepath.Join(dir, "nope")} }), false, "is not a directory"},
		{"sweeper off", with(func(c *runtime.Config) { c.BlobSweepInterval, c.BlobSweepGrace = 0, 0 }), false, ""},
		{"negative sweep interval", with(func(c *runtime.Config) { c.BlobSweepInterval = -time.Second }), false, "--blob-sweep-interval"},
		{"sweep without grace", with(func(c *runtime.Config) { c.BlobSweepGrace = 0 }), false, "--blob-sweep-grace must be positive"},
		{"events kept forever", with(func(c *runtime.Config) { c.EventsRetention = 0 }), false, ""},
		{"negative events retention", with(func(c *runtime.Config) { c.EventsRetention = -time.Hour }), false, "--events-retention"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate(tt.dev, url)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, runtime.ErrConfig) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}
