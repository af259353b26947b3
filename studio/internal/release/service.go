// SPDX-License-Identifier: MIT

package release

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/blankett/blankett/appframework/lint"
	"github.com/blankett/blankett/internal/bundle"
	"github.com/blankett/blankett/studio/internal/deploy"
	"github.com/blankett/blankett/studio/internal/gitrepo"
)

// Runtime is an environment's runtime, as studio/internal/deploy.Client
// speaks to it.
type Runtime interface {
	Deploy(ctx context.Context, org, app, version string, bundle []byte) error
	Undeploy(ctx context.Context, org, app, version string) error
	Releases(ctx context.Context, org, app string) ([]deploy.Release, error)
}

// Environment is a named deploy target.
type Environment struct {
	Name    string
	Runtime Runtime
}

// Service makes releases and deploys them.
type Service struct {
	store *Store
	repos *gitrepo.Store
	envs  []Environment
	now   func() time.Time
}

// NewService returns a service over the release store, the app repositories
// and the environments, in the order the studio shows them.
func NewService(store *Store, repos *gitrepo.Store, envs []Environment) *Service {
	return &Service{store: store, repos: repos, envs: envs, now: time.Now}
}

// Store returns the service's store, for reads.
func (s *Service) Store() *Store { return s.store }

// CreateInput asks for a release of Ref (a branch, tag or full commit hash;
// default main) as Version, by the user By.
type CreateInput struct {
	Version string
	Ref     string
	By      string
}

// Create lints the commit Ref names, and with no lint errors tags it as the
// version and stores its bundle. Lint errors are a *LintError and change
// nothing; a taken version (a release or any git tag) is ErrExists.
func (s *Service) Create(ctx context.Context, org, app string, in CreateInput) (Release, error) {
	if err := CheckVersion(in.Version); err != nil {
		return Release{}, err
	}
	if in.Ref == "" {
		in.Ref = gitrepo.MainBranch
	}
	repo, err := s.repos.Open(ctx, org, app)
	if err != nil {
		return Release{}, gitErr(err)
	}
	if _, err := s.store.Get(ctx, org, app, in.Version); err == nil {
		return Release{}, fmt.Errorf("%w: %s/%s has a release %s", ErrExists, org, app, in.Version)
	}
	commit, err := repo.Resolve(ctx, in.Ref)
	if err != nil {
		return Release{}, gitErr(err)
	}
	fsys, err := repo.FS(ctx, commit)
	if err != nil {
		return Release{}, gitErr(err)
	}
	rep, err := lint.Lint(fsys)
	if err != nil {
		return Release{}, fmt.Errorf("release: lint %s: %w", commit, err)
	}
	if rep.Count(lint.Error) > 0 {
		return Release{}, &LintError{Report: rep}
	}
	data, err := bundle.Pack(fsys)
	if err != nil {
		return Release{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if o, a, err := bundle.App(data); err != nil || o != org || a != app {
		return Release{}, fmt.Errorf("%w: %s names the app %s/%s, not %s/%s", ErrInvalid, bundle.MetadataPath, o, a, org, app)
	}
	report, _ := json.Marshal(rep)
	sum := sha256.Sum256(data)
	rel := Release{Org: org, App: app, Version: in.Version, Commit: commit, Ref: in.Ref, CreatedBy: in.By,
		CreatedAt: s.now().UTC().Truncate(time.Microsecond), SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)),
		Warnings: rep.Count(lint.Warning), Infos: rep.Count(lint.Info), LintReport: string(report)}
	// The tag goes first: it is the lock on the version, atomic in git, so of two
	// concurrent releases of one version exactly one gets past it.
	if err := repo.Tag(ctx, in.Version, commit); err != nil {
		return Release{}, gitErr(err)
	}
	if err := s.store.insert(ctx, &rel, data); err != nil {
		_ = repo.DeleteTag(ctx, in.Version, commit)
		return Release{}, err
	}
	return rel, nil
}

// Environments returns the environment names in order.
func (s *Service) Environments() []string {
	out := make([]string, len(s.envs))
	for i, e := range s.envs {
		out[i] = e.Name
	}
	return out
}

func (s *Service) env(name string) (Environment, error) {
	for _, e := range s.envs {
		if e.Name == name {
			return e, nil
		}
	}
	return Environment{}, fmt.Errorf("%w: no environment %q", ErrNotFound, name)
}

// gitErr maps gitrepo's errors to the package's.
func gitErr(err error) error {
	switch {
	case errors.Is(err, gitrepo.ErrNotFound):
		return fmt.Errorf("%w: %w", ErrNotFound, err)
	case errors.Is(err, gitrepo.ErrExists):
		return fmt.Errorf("%w: %w", ErrExists, err)
	case errors.Is(err, gitrepo.ErrInvalidName), errors.Is(err, gitrepo.ErrBadChange):
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return err
}
