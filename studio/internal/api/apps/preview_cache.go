// SPDX-License-Identifier: MIT

package apps

import (
	"context"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/sampledata"
	"github.com/blankett/blankett/studio/internal/gitrepo"
)

// previewModel is an app loaded at one commit with its sample data, or why it
// could not be loaded.
type previewModel struct {
	app  *app.App
	data map[string]any
	err  error
}

// loadPreview loads the app of repo at commit, or takes it from h.previews, so
// that paging through a preview loads the app once. Load failures are kept, as
// a commit never changes; errors reading the repository are not: they may pass.
// Apps are large, so the cache holds few.
func (h *Handler) loadPreview(ctx context.Context, repo *gitrepo.Repo, commit string) *previewModel {
	key := repo.Org + "/" + repo.App + "@" + commit
	if m, ok := h.previews.get(key); ok {
		return m
	}
	fsys, err := repo.FS(ctx, commit)
	if err != nil {
		return &previewModel{err: err}
	}
	m := &previewModel{}
	if m.app, m.err = app.Load(fsys, app.StandardOptions()); m.err == nil {
		m.data = sampledata.ForApp(m.app, sampledata.Options{})
	}
	h.previews.put(key, m)
	return m
}
