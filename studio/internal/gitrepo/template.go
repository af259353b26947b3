// SPDX-License-Identifier: MIT

package gitrepo

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"time"
)

// templateFS is the app every new repository starts from. {{org}}, {{app}},
// {{created}} and {{createdBy}} are filled in; the policy keeps Altinn's
// [ORG] and [APP] placeholders, which the runtime binds, so a copy to
// another org needs no policy change.
//
//go:embed all:template
var templateFS embed.FS

// TemplateFiles returns the files of a new app, ready to commit.
func TemplateFiles(org, app string, author Author, now time.Time) ([]Change, error) {
	if err := CheckOrg(org); err != nil {
		return nil, err
	}
	if err := CheckApp(app); err != nil {
		return nil, err
	}
	createdBy, _ := json.Marshal(author.Name)
	rep := strings.NewReplacer("{{org}}", org, "{{app}}", app,
		"{{created}}", now.UTC().Format(time.RFC3339),
		"{{createdBy}}", strings.Trim(string(createdBy), `"`))
	var out []Change
	err := fs.WalkDir(templateFS, "template", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := templateFS.ReadFile(p)
		if err != nil {
			return err
		}
		out = append(out, Change{Path: strings.TrimPrefix(p, "template/"), Content: []byte(rep.Replace(string(data)))})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("gitrepo: template: %w", err)
	}
	return out, nil
}
