// SPDX-License-Identifier: MIT

package studio

import (
	"errors"
	"strings"
	"testing"
)

func TestEnvironmentURLsConfig(t *testing.T) {
	for _, tt := range []struct {
		name string
		urls []string
		kid  string
		want string // "" = valid
	}{
		{"none", nil, "", ""},
		{"one", []string{"production=https://runtime.example.no"}, "", ""},
		{"trailing slash", []string{"test=http://localhost:8080/"}, "", ""},
		{"not env=URL", []string{"https://runtime.example.no"}, "", "is not env=URL"},
		{"unknown env", []string{"staging=https://runtime.example.no"}, "", "not among --studio-environments"},
		{"relative", []string{"test=runtime.example.no"}, "", "absolute http(s) URL"},
		{"with a path", []string{"test=https://example.no/runtime"}, "", "without a path"},
		{"kid without key", nil, "k1", "--studio-deploy-key-id needs --studio-deploy-key-file"},
	} {
		c := DefaultConfig()
		c.EnvironmentURLs, c.DeployKeyID = tt.urls, tt.kid
		err := c.Validate(true)
		if tt.want == "" && err != nil || tt.want != "" && (!errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	c := DefaultConfig()
	c.EnvironmentURLs = []string{"test=http://localhost:8080/"}
	if m, _ := c.environmentURLs(); m["test"] != "http://localhost:8080" {
		t.Fatalf("environmentURLs = %v", m)
	}
}
