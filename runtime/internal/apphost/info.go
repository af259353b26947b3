// SPDX-License-Identifier: MIT

package apphost

import (
	"fmt"

	"github.com/blankett/blankett/appframework/lint"
)

// Limits returns the bundle limits the Host enforces, so that an HTTP handler can
// refuse an oversized upload by its Content-Length before reading it.
func (h *Host) Limits() Limits { return h.limits }

// Info describes one loaded version of org/app, active or undeployed, as List
// does; a version that is not loaded is ErrNotFound.
func (h *Host) Info(org, app, version string) (Info, error) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	if e, ok := h.apps[org+"/"+app]; ok {
		if ve, ok := e.versions[version]; ok {
			return infoOf(ve.rel, ve.active, version == e.current), nil
		}
	}
	return Info{}, fmt.Errorf("apphost: %s/%s@%s: %w", org, app, version, ErrNotFound)
}

func infoOf(r *Release, active, current bool) Info {
	return Info{
		ID: r.ID, Org: r.Org, Name: r.Name, Version: r.Version, SHA256: r.SHA256, Size: r.Size,
		DeployedAt: r.DeployedAt, DeployedBy: r.DeployedBy, Dir: r.Dir,
		Active: active, Current: current, Warnings: r.Lint.Count(lint.Warning),
	}
}
