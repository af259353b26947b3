// SPDX-License-Identifier: MIT

package render

import (
	"embed"
	"io/fs"
)

//go:embed assets/designsystemet/designsystemet.css assets/designsystemet/theme.css assets/designsystemet/blankett.css assets/designsystemet/LICENSE assets/designsystemet/VERSION
var assets embed.FS

// Stylesheets are the paths in Assets that a page links, in order: the component CSS,
// the theme (design tokens) it depends on, and Blankett's own page frame (skip link,
// header, content width), which is ours, not vendored.
var Stylesheets = []string{"designsystemet.css", "theme.css", "blankett.css"}

// Assets returns the vendored static files (the Designsystemet CSS, its licence and
// version) rooted so that Stylesheets name files in it.
func Assets() fs.FS {
	sub, err := fs.Sub(assets, "assets/designsystemet")
	if err != nil {
		panic("render: embedded assets missing: " + err.Error()) // impossible: checked at compile time
	}
	return sub
}
