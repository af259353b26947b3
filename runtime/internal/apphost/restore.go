// SPDX-License-Identifier: MIT

package apphost

import (
	"context"
	"errors"
	"fmt"
)

// Restore loads every release recorded in the database from its bundle in the blob
// store, active and undeployed alike (instances may pin either), and returns how many
// it loaded. A release that cannot be loaded is skipped and reported in the joined
// error, so one damaged bundle does not keep every other app offline. Lint errors do
// not refuse a release here: it was accepted when deployed, and a newer lint with a
// new rule must not take it down.
func (h *Host) Restore(ctx context.Context) (int, error) {
	if h.db == nil || h.blobs == nil {
		return 0, errNoStore
	}
	h.writeMu.Lock()
	defer h.writeMu.Unlock()
	rows, err := h.allRows(ctx)
	if err != nil {
		return 0, err
	}
	var errs []error
	n := 0
	for _, row := range rows {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		rel, err := h.restoreOne(ctx, &row)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		h.publish(rel, row.Active)
		n++
	}
	return n, errors.Join(errs...)
}

func (h *Host) restoreOne(ctx context.Context, row *releaseRow) (*Release, error) {
	id := row.Org + "/" + row.App + "@" + row.Version
	rc, _, err := h.blobs.Get(ctx, row.BlobKey, nil)
	if err != nil {
		return nil, fmt.Errorf("apphost: restore %s: %w", id, err)
	}
	defer rc.Close()
	b, err := readBundle(rc, h.limits)
	if err != nil {
		return nil, fmt.Errorf("apphost: restore %s: %w", id, err)
	}
	if b.sha256 != row.SHA256 {
		return nil, fmt.Errorf("apphost: restore %s: bundle sha256 %s, recorded %s: %w", id, b.sha256, row.SHA256, ErrBundle)
	}
	rel, err := compile(b.fsys, h.renderer, false)
	if err != nil {
		return nil, fmt.Errorf("apphost: restore %s: %w", id, err)
	}
	if rel.Org != row.Org || rel.Name != row.App {
		return nil, fmt.Errorf("apphost: restore %s: bundle holds %s: %w", id, rel.ID, ErrBundle)
	}
	rel.Version, rel.SHA256, rel.Size = row.Version, row.SHA256, int64(len(b.raw))
	rel.DeployedAt, rel.DeployedBy = row.DeployedAt, row.DeployedBy
	return rel, nil
}
