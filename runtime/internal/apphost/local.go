// SPDX-License-Identifier: MIT

package apphost

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// LoadDir loads the app repository in dir (the folder holding App/) as version
// LocalVersion of its app, active and current; it replaces an earlier LoadDir of the
// same app. Like Deploy it refuses an app that does not load or has lint errors.
// Nothing is stored: a restart loads the directory again.
func (h *Host) LoadDir(ctx context.Context, dir string) (*Release, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("apphost: load %s: %w", dir, err)
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("apphost: load %s: not a directory: %w", dir, ErrInvalidArgument)
	}
	rel, err := h.compileDir(abs)
	if err != nil {
		return nil, err
	}
	h.writeMu.Lock()
	defer h.writeMu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	h.publish(rel, true)
	return rel, nil
}

// Reload loads the directory of org/app's local release again, after its files
// changed. On failure the old release stays in service.
func (h *Host) Reload(ctx context.Context, org, app string) (*Release, error) {
	h.writeMu.Lock()
	defer h.writeMu.Unlock()
	old, active, ok := h.entry(org, app, LocalVersion)
	if !ok {
		return nil, fmt.Errorf("apphost: reload %s/%s: no release loaded from a directory: %w", org, app, ErrNotFound)
	}
	rel, err := h.compileDir(old.Dir)
	if err != nil {
		return nil, err
	}
	if rel.ID != old.ID {
		return nil, fmt.Errorf("apphost: reload %s: the directory now holds %s: %w", old.ID, rel.ID, ErrConflict)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	h.publish(rel, active)
	return rel, nil
}

func (h *Host) compileDir(dir string) (*Release, error) {
	rel, err := compile(os.DirFS(dir), h.renderer, true)
	if err != nil {
		return nil, fmt.Errorf("apphost: load %s: %w", dir, err)
	}
	rel.Version, rel.Dir, rel.DeployedAt, rel.DeployedBy = LocalVersion, dir, ts(h.now()), "local"
	return rel, nil
}
