// SPDX-License-Identifier: MIT

package pdf

import (
	"errors"
	"os/exec"
	"testing"
)

// TestFindChromium: a configured binary is looked up as given; otherwise the
// usual names are tried in order; none found is ErrNoChromium.
func TestFindChromium(t *testing.T) {
	tests := []struct {
		name       string
		configured string
		onPath     []string
		want       string
		wantErr    error
	}{
		{"debian chromium", "", []string{"chromium", "google-chrome"}, "/bin/chromium", nil},
		{"chromium-browser", "", []string{"chromium-browser"}, "/bin/chromium-browser", nil},
		{"google chrome", "", []string{"google-chrome"}, "/bin/google-chrome", nil},
		{"none", "", nil, "", ErrNoChromium},
		{"configured wins", "/opt/chrome/chrome", []string{"chromium", "/opt/chrome/chrome"}, "/bin//opt/chrome/chrome", nil},
		{"configured missing", "/opt/nothing", []string{"chromium"}, "", exec.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			look := func(name string) (string, error) {
				for _, p := range tt.onPath {
					if p == name {
						return "/bin/" + name, nil
					}
				}
				return "", exec.ErrNotFound
			}
			got, err := findChromium(tt.configured, look)
			if got != tt.want || !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Errorf("findChromium(%q) = %q, %v; want %q, %v", tt.configured, got, err, tt.want, tt.wantErr)
			}
		})
	}
}
