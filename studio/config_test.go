// SPDX-License-Identifier: MIT

package studio

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		dev  bool
		edit func(*Config)
		want string // "" for valid; else a fragment of the error
	}{
		{"defaults", false, func(*Config) {}, ""},
		{"dev defaults", true, func(*Config) {}, ""},
		{"oidc", false, func(c *Config) { c.OIDCIssuer, c.OIDCClientID = "https://ansattporten.no", "studio" }, ""},
		{"http issuer in dev", true, func(c *Config) { c.OIDCIssuer, c.OIDCClientID = "http://localhost:9000", "studio" }, ""},
		{"http issuer", false, func(c *Config) { c.OIDCIssuer, c.OIDCClientID = "http://idp", "studio" }, "absolute https URL"},
		{"issuer without client", false, func(c *Config) { c.OIDCIssuer = "https://idp" }, "--studio-oidc-client-id is required"},
		{"client without issuer", false, func(c *Config) { c.OIDCClientID = "studio" }, "need --studio-oidc-issuer"},
		{"short state key", false, func(c *Config) { c.LoginStateKey = "short" }, "at least 32 bytes"},
		{"bad environment", false, func(c *Config) { c.Environments = []string{"Prod"} }, "--studio-environments"},
		{"repeated environment", false, func(c *Config) { c.Environments = []string{"test", "test"} }, "given twice"},
		{"max age below idle", false, func(c *Config) { c.SessionMaxAge = time.Hour }, "must not be shorter"},
		{"zero idle", false, func(c *Config) { c.SessionIdle = 0 }, "must be positive"},
		{"bad admin name", false, func(c *Config) { c.AdminUser = "Admin User" }, "--studio-admin-user"},
		{"admin password alone", false, func(c *Config) { c.AdminPassword = "long enough secret" }, "needs --studio-admin-user"},
		{"dev password outside dev", false, func(c *Config) { c.DevPassword = "long enough secret" }, "needs --dev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := DefaultConfig()
			tt.edit(&c)
			err := c.Validate(tt.dev)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.want != "" && (err == nil || !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
