// SPDX-License-Identifier: MIT

package studio

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/blankett/blankett/appframework/lint"
	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/api/apps"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/blankett/blankett/studio/internal/gitserver"
	"github.com/gin-gonic/gin"
)

// startRepos opens the app repositories under <data dir>/repos and mounts git smart
// HTTP at /repos/ and the app and editing API. A push is linted at once and the
// report handed to the API, so the overview shows the findings of a pushed head
// without linting it again. The releases share the returned store.
func (r *Role) startRepos(ctx context.Context, deps platform.Deps, svc *account.Service, insecure bool, log *slog.Logger, e *gin.Engine) (*gitrepo.Store, error) {
	if deps.DataDir == "" {
		return nil, errors.New("studio: the data directory is required for the app repositories")
	}
	repos, err := gitrepo.New(ctx, deps.DataDir, gitrepo.Options{})
	if err != nil {
		return nil, fmt.Errorf("studio: %w", err)
	}
	h, err := apps.New(apps.Options{Accounts: svc, Repos: repos, Cookie: api.SessionCookie(insecure), Log: log})
	if err != nil {
		return nil, err
	}
	pushLint := gitserver.NewLintOnPush(repos)
	pushLint.Notify = func(ctx context.Context, pl gitserver.PushLint) {
		if pl.Err == "" {
			h.RememberLint(pl.Commit, pl.Report)
		}
		log.InfoContext(ctx, "push linted", "org", pl.Org, "app", pl.App, "ref", pl.Ref, "commit", pl.Commit,
			"errors", pl.Report.Count(lint.Error), "lint_error", pl.Err)
	}
	gs, err := gitserver.New(ctx, gitserver.Config{Store: repos, Auth: gitAuth{svc: svc}, OnPush: pushLint.OnPush, Log: log})
	if err != nil {
		return nil, fmt.Errorf("studio: %w", err)
	}
	git := gin.WrapH(gs)
	for _, m := range []string{"GET", "POST", "HEAD"} {
		e.Handle(m, "/repos/*path", git)
	}
	h.Mount(e)
	return repos, nil
}
