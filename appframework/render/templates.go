// SPDX-License-Identifier: MIT

package render

import (
	"embed"
	"fmt"
	"html/template"
	"strconv"
)

//go:embed templates/*.tmpl
var templateFiles embed.FS

// parseTemplates parses the embedded templates once; a Renderer keeps them.
func parseTemplates() (*template.Template, error) {
	t, err := template.New("render").Funcs(template.FuncMap{"heading": heading}).ParseFS(templateFiles, "templates/*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrTemplate, err)
	}
	return t, nil
}

// headingSizes are the Designsystemet heading sizes by level.
var headingSizes = [...]string{"", "lg", "md", "sm", "xs", "xs", "xs"}

// heading writes <hN> around content. Templates cannot name elements
// dynamically, so the element is written here; id and comp are escaped.
func heading(level int, id, comp string, content template.HTML) template.HTML {
	level = min(max(level, 1), 6)
	n := strconv.Itoa(level)
	s := "<h" + n + ` class="ds-heading" data-size="` + headingSizes[level] + `"`
	if id != "" {
		s += ` id="` + template.HTMLEscapeString(id) + `"`
	}
	if comp != "" {
		s += ` data-component="` + template.HTMLEscapeString(comp) + `"`
	}
	return template.HTML(s + ">" + string(content) + "</h" + n + ">")
}
