// SPDX-License-Identifier: MIT

package apps

import (
	"context"
	"sync"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/render"
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

// previewCache keeps loaded apps by repository and commit, so that paging through
// a preview loads the app once. A commit never changes, so an entry (failures
// too) never goes stale; like lintCache it is emptied when full. Apps are large,
// so it holds few.
type previewCache struct {
	renderer func() (*render.Renderer, error)
	mu       sync.Mutex
	max      int
	m        map[string]*previewModel
}

func newPreviewCache(max int) *previewCache {
	return &previewCache{renderer: sync.OnceValues(render.New), max: max, m: map[string]*previewModel{}}
}

// model loads the app of repo at commit, or takes it from the cache. Errors
// reading the repository are not kept: they may pass.
func (p *previewCache) model(ctx context.Context, repo *gitrepo.Repo, commit string) *previewModel {
	key := repo.Org + "/" + repo.App + "@" + commit
	p.mu.Lock()
	m, ok := p.m[key]
	p.mu.Unlock()
	if ok {
		return m
	}
	fsys, err := repo.FS(ctx, commit)
	if err != nil {
		return &previewModel{err: err}
	}
	m = &previewModel{}
	if m.app, m.err = app.Load(fsys, app.StandardOptions()); m.err == nil {
		m.data = sampledata.ForApp(m.app, sampledata.Options{})
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.m) >= p.max {
		clear(p.m)
	}
	p.m[key] = m
	return m
}
