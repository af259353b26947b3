// SPDX-License-Identifier: MIT

package forms

import (
	"embed"
	"html/template"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

func parseTemplates() (*template.Template, error) {
	return template.New("forms").ParseFS(templateFS, "templates/*.tmpl")
}
