// SPDX-License-Identifier: MIT

package apphost

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"time"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/lint"
	"github.com/blankett/blankett/appframework/policy"
	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/appframework/render"
	"github.com/blankett/blankett/appframework/validation"
)

// LocalVersion is the version of a release loaded from a directory.
const LocalVersion = "local"

// Release is one loaded and compiled version of an app. It is immutable: requests
// share it without locking, and a new deploy or Reload makes a new Release.
type Release struct {
	// ID is "org/app"; Org and Name are its parts.
	ID, Org, Name string
	// Version is the tag the bundle was built from, or LocalVersion.
	Version string
	// Files are the app repository's files; App was loaded from them.
	Files fs.FS
	App   *app.App
	// Process is the parsed process definition, nil for an app without one.
	Process *process.Definition
	// Policy is the authorization policy bound to Org and App, nil without one.
	Policy *policy.Policy
	// Validator validates tasks; Schemas is its SchemaValidator (Input.Schema).
	Validator *validation.Validator
	Schemas   *validation.ModelSchemas
	Renderer  *render.Renderer
	// Lint is the report from when the release was compiled; it holds no errors
	// for a release accepted by Deploy or LoadDir.
	Lint lint.Report
	// SHA256 is the lower-case hex digest of the bundle as uploaded ("" for a
	// directory), and Size its length in bytes.
	SHA256 string
	Size   int64
	// DeployedAt and DeployedBy say when and by whom the release was deployed
	// (loaded, for a directory).
	DeployedAt time.Time
	DeployedBy string
	// Dir is the directory of a LoadDir release, "" for a bundle.
	Dir string
}

// nameRE is what an org, app or version may look like: it becomes a blob key segment
// and an instance column of 64 characters.
var nameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

func checkName(kind, s string) error {
	if !nameRE.MatchString(s) {
		return fmt.Errorf("apphost: %s %s: %w", kind, quote(s), ErrInvalidArgument)
	}
	return nil
}

// compile lints and loads the app in fsys and builds everything a request needs.
// With strict, lint errors refuse the app; Restore compiles without it, because an
// already accepted release must not vanish when a newer lint learns a new rule.
func compile(fsys fs.FS, r *render.Renderer, strict bool) (*Release, error) {
	rep, err := lint.Lint(fsys)
	if err != nil {
		return nil, fmt.Errorf("apphost: %v: %w", err, ErrInvalidApp)
	}
	if n := rep.Count(lint.Error); strict && n > 0 {
		return nil, newLintError(rep)
	}
	a, err := app.Load(fsys, app.StandardOptions())
	if err != nil {
		return nil, fmt.Errorf("apphost: load app: %w: %w", err, ErrInvalidApp)
	}
	org, name, ok := strings.Cut(a.Metadata.ID, "/")
	if !ok || org != a.Metadata.Org {
		return nil, fmt.Errorf("apphost: applicationmetadata.json id %s is not \"%s/<app>\": %w", quote(a.Metadata.ID), a.Metadata.Org, ErrInvalidApp)
	}
	if err := errors.Join(checkName("org", org), checkName("app", name)); err != nil {
		return nil, fmt.Errorf("apphost: applicationmetadata.json id: %w: %w", err, ErrInvalidApp)
	}
	rel := &Release{ID: a.Metadata.ID, Org: org, Name: name, Files: fsys, App: a, Lint: rep, Renderer: r}
	if a.Process != nil {
		rel.Process, _ = a.Process.Definition.(*process.Definition)
	}
	if a.Policy != nil {
		if rel.Policy, err = policy.ParseBytes(a.Policy.Data, policy.Options{Org: org, App: name}); err != nil {
			return nil, fmt.Errorf("apphost: %s: %w: %w", a.Policy.File, err, ErrInvalidApp)
		}
	}
	rel.Validator = validation.New(a)
	rel.Schemas = validation.NewModelSchemas(a)
	return rel, nil
}

// findings lists the findings of severity s, one a line, capped so that an app with
// thousands of broken bindings still gives a readable error.
func findings(rep lint.Report, s lint.Severity) string {
	const maxLines = 50
	var b strings.Builder
	n := 0
	for _, f := range rep.Findings {
		if f.Severity != s {
			continue
		}
		if n++; n > maxLines {
			fmt.Fprintf(&b, "  … and %d more\n", rep.Count(s)-maxLines)
			break
		}
		b.WriteString("  " + f.String() + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
