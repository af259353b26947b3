// SPDX-License-Identifier: MIT

package pdf

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// Off is the Chromium setting that turns PDF receipts off.
const Off = "off"

// ErrNoChromium means no Chromium was found on PATH.
var ErrNoChromium = errors.New("pdf: no chromium, chromium-browser or google-chrome on PATH")

// chromiumNames are the names Chromium goes by on PATH, Debian's first.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// FindChromium resolves the configured Chromium: a path or command name is
// looked up as given, "" searches PATH for the usual names. It returns
// ErrNoChromium when "" finds none; "off" is the caller's to handle.
func FindChromium(configured string) (string, error) {
	return findChromium(configured, exec.LookPath)
}

func findChromium(configured string, look func(string) (string, error)) (string, error) {
	if c := strings.TrimSpace(configured); c != "" {
		p, err := look(c)
		if err != nil {
			return "", fmt.Errorf("pdf: chromium %q: %w", c, err)
		}
		return p, nil
	}
	for _, name := range chromiumNames {
		if p, err := look(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}
