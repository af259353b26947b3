// SPDX-License-Identifier: MIT

package apphost

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/blankett/blankett/internal/blob"
)

// DeployMeta describes a bundle being deployed.
type DeployMeta struct {
	// Version is the release's tag, such as "v1.2.0"; required.
	Version string
	// By names who deployed (a studio user or client id), for the audit trail.
	By string
	// Org and App, when set, must match the bundle's applicationmetadata.json id, so
	// that a deploy to one app's URL cannot replace another app.
	Org, App string
}

var errNoStore = errors.New("apphost: no database or blob store configured")

// Deploy reads a release bundle from r, compiles it, stores it and makes it the
// app's current version. Deploying the same version with the same bytes again is
// allowed and makes it active and current again (a rollback); with other bytes it is
// ErrConflict. A bundle that breaks the limits is ErrBundle; an app that does not
// load or has lint errors is ErrInvalidApp, with the findings in the message.
func (h *Host) Deploy(ctx context.Context, r io.Reader, meta DeployMeta) (*Release, error) {
	if h.db == nil || h.blobs == nil {
		return nil, errNoStore
	}
	if err := checkName("version", meta.Version); err != nil {
		return nil, err
	}
	if meta.Version == LocalVersion {
		return nil, fmt.Errorf("apphost: version %q is reserved for directories: %w", LocalVersion, ErrInvalidArgument)
	}
	b, err := readBundle(r, h.limits)
	if err != nil {
		return nil, err
	}
	rel, err := compile(b.fsys, h.renderer, true)
	if err != nil {
		return nil, err
	}
	if (meta.Org != "" && meta.Org != rel.Org) || (meta.App != "" && meta.App != rel.Name) {
		return nil, fmt.Errorf("apphost: bundle holds %s, not %s/%s: %w: %w", rel.ID, meta.Org, meta.App, ErrWrongApp, ErrConflict)
	}
	rel.Version, rel.SHA256, rel.Size, rel.DeployedBy = meta.Version, b.sha256, int64(len(b.raw)), meta.By

	h.writeMu.Lock()
	defer h.writeMu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	row, err := h.getRow(ctx, rel.Org, rel.Name, rel.Version)
	switch {
	case errors.Is(err, ErrNotFound):
	case err != nil:
		return nil, err
	case row.SHA256 != rel.SHA256:
		return nil, fmt.Errorf("apphost: %s@%s is already deployed with other content (sha256 %s): %w", rel.ID, rel.Version, row.SHA256, ErrConflict)
	}
	rel.DeployedAt = ts(h.now())
	key := blobKey(rel.Org, rel.Name, rel.Version)
	// Blob first, then the row (DESIGN §5): a crash between leaves an orphan blob,
	// never a row without its bundle.
	if _, err := h.blobs.Put(ctx, key, bytes.NewReader(b.raw), blob.PutOptions{ContentType: "application/gzip"}); err != nil {
		return nil, fmt.Errorf("apphost: store bundle %s@%s: %w", rel.ID, rel.Version, err)
	}
	err = h.saveRow(ctx, &releaseRow{
		Org: rel.Org, App: rel.Name, Version: rel.Version, SHA256: rel.SHA256, Size: rel.Size, BlobKey: key,
		Active: true, DeployedAt: rel.DeployedAt, DeployedBy: rel.DeployedBy,
	})
	if err != nil {
		return nil, err
	}
	h.publish(rel, true)
	return rel, nil
}

// Undeploy takes a version out of service: it stops being current and new instances
// can no longer be created with it, but Get still returns it for the instances
// pinned to it, now and after a restart, until Purge. Undeploying an undeployed
// version is not an error.
func (h *Host) Undeploy(ctx context.Context, org, app, version string) error {
	h.writeMu.Lock()
	defer h.writeMu.Unlock()
	rel, _, ok := h.entry(org, app, version)
	if !ok {
		return fmt.Errorf("apphost: undeploy %s/%s@%s: %w", org, app, version, ErrNotFound)
	}
	if rel.Dir == "" {
		if err := h.setInactive(ctx, org, app, version, ts(h.now())); err != nil {
			return err
		}
	}
	_, err := h.setActive(org, app, version, false)
	return err
}

// Purge removes an undeployed version for good: row, bundle and compiled release.
// The caller must have checked that no instance is pinned to it; purging an active
// version is ErrConflict.
func (h *Host) Purge(ctx context.Context, org, app, version string) error {
	h.writeMu.Lock()
	defer h.writeMu.Unlock()
	rel, active, ok := h.entry(org, app, version)
	switch {
	case !ok:
		return fmt.Errorf("apphost: purge %s/%s@%s: %w", org, app, version, ErrNotFound)
	case active:
		return fmt.Errorf("apphost: purge %s/%s@%s: undeploy it first: %w", org, app, version, ErrConflict)
	}
	if rel.Dir == "" {
		// Row first, then the blob: the opposite order could leave a row whose
		// bundle is gone, which Restore would report on every start.
		if err := h.deleteRow(ctx, org, app, version); err != nil {
			return err
		}
		if err := h.blobs.Delete(ctx, blobKey(org, app, version)); err != nil {
			return fmt.Errorf("apphost: purge %s/%s@%s: delete bundle: %w", org, app, version, err)
		}
	}
	h.remove(org, app, version)
	return nil
}
