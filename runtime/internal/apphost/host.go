// SPDX-License-Identifier: MIT

package apphost

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/blankett/blankett/appframework/render"
	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/dbx"
	"gorm.io/gorm"
)

// Host is the registry of loaded releases. It is safe for concurrent use: reads
// (Get, Current, List) take a read lock on maps of immutable Releases, and the
// writes are serialised so that a deploy's blob and row are written before the
// release becomes visible.
type Host struct {
	db       *gorm.DB // nil: directories only
	blobs    blob.Store
	limits   Limits
	now      func() time.Time
	renderer *render.Renderer

	writeMu sync.Mutex // serialises Deploy, Undeploy, Purge, Reload, LoadDir, Restore
	mu      sync.RWMutex
	apps    map[string]*appEntry // by "org/app"
}

// appEntry holds the versions of one app and which of them is current.
type appEntry struct {
	versions map[string]*versionEntry
	current  string // "" when no version is active
}

type versionEntry struct {
	rel    *Release
	active bool
}

// Option configures a Host.
type Option func(*Host)

// WithLimits replaces DefaultLimits for bundles.
func WithLimits(l Limits) Option { return func(h *Host) { h.limits = l } }

// WithClock replaces time.Now for deploy and undeploy times.
func WithClock(now func() time.Time) Option { return func(h *Host) { h.now = now } }

// New returns an empty Host that stores bundles in blobs and records them in db,
// whose schema must have been migrated with Migrations. With a nil db or blobs the
// Host serves directories only, and Deploy and Restore fail.
func New(db *dbx.DB, blobs blob.Store, opts ...Option) *Host {
	h := &Host{blobs: blobs, limits: DefaultLimits(), now: time.Now, renderer: render.New(), apps: map[string]*appEntry{}}
	if db != nil {
		h.db = db.Gorm
	}
	for _, o := range opts {
		o(h)
	}
	return h
}

// Info describes one loaded release for listings.
type Info struct {
	ID, Org, Name, Version string
	SHA256                 string
	Size                   int64
	DeployedAt             time.Time
	DeployedBy             string
	Dir                    string
	// Active is false once the release is undeployed; Current marks the version new
	// instances get.
	Active, Current bool
	// Warnings counts lint findings of severity warning.
	Warnings int
}

// Get returns the release of org/app at version, active or undeployed: an instance
// pinned to it must keep working until the version is purged.
func (h *Host) Get(org, app, version string) (*Release, error) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	if e, ok := h.apps[org+"/"+app]; ok {
		if v, ok := e.versions[version]; ok {
			return v.rel, nil
		}
	}
	return nil, fmt.Errorf("apphost: %s/%s@%s: %w", org, app, version, ErrNotFound)
}

// Current returns the version of org/app that new instances use.
func (h *Host) Current(org, app string) (*Release, error) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	if e, ok := h.apps[org+"/"+app]; ok && e.current != "" {
		return e.versions[e.current].rel, nil
	}
	return nil, fmt.Errorf("apphost: %s/%s has no deployed version: %w", org, app, ErrNotFound)
}

// List returns every loaded release, by app and then deploy time.
func (h *Host) List() []Info {
	h.mu.RLock()
	defer h.mu.RUnlock()
	var out []Info
	for _, e := range h.apps {
		for v, ve := range e.versions {
			out = append(out, infoOf(ve.rel, ve.active, v == e.current))
		}
	}
	slices.SortFunc(out, func(a, b Info) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), a.DeployedAt.Compare(b.DeployedAt), cmp.Compare(a.Version, b.Version))
	})
	return out
}

// publish makes rel visible as active or not and recomputes the app's current
// version. The caller holds writeMu.
func (h *Host) publish(rel *Release, active bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	e := h.apps[rel.ID]
	if e == nil {
		e = &appEntry{versions: map[string]*versionEntry{}}
		h.apps[rel.ID] = e
	}
	e.versions[rel.Version] = &versionEntry{rel: rel, active: active}
	e.pickCurrent()
}

// pickCurrent makes current the active local release if there is one (a developer
// running a directory wants to see it), else the active release deployed last.
func (e *appEntry) pickCurrent() {
	e.current = ""
	var best *Release
	for v, ve := range e.versions {
		if !ve.active {
			continue
		}
		r := ve.rel
		switch {
		case v == LocalVersion:
			e.current = v
			return
		case best == nil, r.DeployedAt.After(best.DeployedAt),
			r.DeployedAt.Equal(best.DeployedAt) && r.Version > best.Version:
			best, e.current = r, v
		}
	}
}

// setActive flips a loaded version and returns it, or ErrNotFound.
func (h *Host) setActive(org, app, version string, active bool) (*Release, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	e, ok := h.apps[org+"/"+app]
	if !ok || e.versions[version] == nil {
		return nil, fmt.Errorf("apphost: %s/%s@%s: %w", org, app, version, ErrNotFound)
	}
	e.versions[version].active = active
	e.pickCurrent()
	return e.versions[version].rel, nil
}

// entry returns a loaded version and whether it is active, under the read lock.
func (h *Host) entry(org, app, version string) (*Release, bool, bool) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	if e, ok := h.apps[org+"/"+app]; ok {
		if v, ok := e.versions[version]; ok {
			return v.rel, v.active, true
		}
	}
	return nil, false, false
}

// remove forgets a version, and the app when it was the last one.
func (h *Host) remove(org, app, version string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if e, ok := h.apps[org+"/"+app]; ok {
		delete(e.versions, version)
		if len(e.versions) == 0 {
			delete(h.apps, org+"/"+app)
			return
		}
		e.pickCurrent()
	}
}
