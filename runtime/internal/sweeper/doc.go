// SPDX-License-Identifier: MIT

// Package sweeper removes orphan blobs: data-element content that no row of the
// data_elements table points to.
//
// DESIGN §5 writes the blob first and the row after, in a transaction, so that a
// row never points to a missing blob. The price is orphans: a crash (or a failed
// commit, or a replaced or deleted element whose old blob could not be removed, or
// an instance deleted for good) leaves blobs behind. The sweeper pages through the
// blob store and deletes a blob only when
//
//   - its key has the exact shape of a data-element key
//     (see IsDataKey: the key store.BlobKey makes, or the older one of rows
//     written before it), so release bundles
//     and anything else it does not understand are never touched;
//   - it is older than the grace period, so a blob whose row is still being
//     committed (an upload in flight) is never swept; and
//   - no data-element row references its key, checked just before the delete.
//
// Rows of soft-deleted instances still reference their blobs, which are kept; once
// an instance row is deleted for good its element rows go with it (ON DELETE
// CASCADE) and the next sweep removes the blobs. Several replicas may sweep at the
// same time: every step is idempotent.
package sweeper
