// SPDX-License-Identifier: MIT

package studio

// Config is the studio role's own configuration, beside config.Base.
type Config struct {
	// UIDir serves the designer UI from a directory instead of the embedded build,
	// for working on the UI with `npm run build -- --watch`.
	UIDir string `flag:"ui-dir" env:"STUDIO_UI_DIR" usage:"serve the designer UI from this directory (a Vite build) instead of the embedded one"`
}
