// SPDX-License-Identifier: MIT

// Package blobmetrics times the operations of a blob.Store for Prometheus, so
// that an operator can tell slow storage (an fs data directory whose fsyncs
// queue, a distant S3 endpoint) from a slow runtime. platform.Run wraps the
// configured store with it; the metric is described in docs/operators.md.
package blobmetrics
