// SPDX-License-Identifier: MIT

package blobmetrics

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/obs"
)

// Name is the histogram's metric name.
const Name = "blankett_blob_operation_duration_seconds"

// The outcomes an operation is counted under.
const (
	resultOK       = "ok"
	resultNotFound = "not_found"
	// resultRejected covers what the caller caused: a key the store refuses,
	// content over the size limit, a range outside the object.
	resultRejected = "rejected"
	resultCanceled = "canceled"
	resultError    = "error"
)

// Wrap returns s with Put, Get, Stat and Delete timed in the histogram Name,
// labelled backend (as given: fs, s3), op and result, which it registers on reg.
// A Put is timed until it returns, which includes reading its content from r (for
// an attachment streamed from a client, the upload itself); a Get until the object
// is open, not until its content is read. List, PresignGet and Ping pass through.
func Wrap(s blob.Store, backend string, reg prometheus.Registerer) (blob.Store, error) {
	h := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:        Name,
		Help:        "Blob store operation latency by operation (put, get, stat, delete) and result (ok, not_found, rejected, canceled, error).",
		ConstLabels: prometheus.Labels{"backend": backend},
		Buckets:     obs.StorageBuckets,
	}, []string{"op", "result"})
	if err := reg.Register(h); err != nil {
		return nil, fmt.Errorf("blobmetrics: register: %w", err)
	}
	return &store{Store: s, dur: h}, nil
}

type store struct {
	blob.Store
	dur *prometheus.HistogramVec
}

func (s *store) observe(op string, start time.Time, err error) {
	s.dur.WithLabelValues(op, result(err)).Observe(time.Since(start).Seconds())
}

func (s *store) Put(ctx context.Context, key string, r io.Reader, opts blob.PutOptions) (blob.Info, error) {
	start := time.Now()
	info, err := s.Store.Put(ctx, key, r, opts)
	s.observe("put", start, err)
	return info, err
}

func (s *store) Get(ctx context.Context, key string, rng *blob.Range) (io.ReadCloser, blob.Info, error) {
	start := time.Now()
	rc, info, err := s.Store.Get(ctx, key, rng)
	s.observe("get", start, err)
	return rc, info, err
}

func (s *store) Stat(ctx context.Context, key string) (blob.Info, error) {
	start := time.Now()
	info, err := s.Store.Stat(ctx, key)
	s.observe("stat", start, err)
	return info, err
}

func (s *store) Delete(ctx context.Context, key string) error {
	start := time.Now()
	err := s.Store.Delete(ctx, key)
	s.observe("delete", start, err)
	return err
}

// result names err's outcome.
func result(err error) string {
	switch {
	case err == nil:
		return resultOK
	case errors.Is(err, blob.ErrNotFound):
		return resultNotFound
	case errors.Is(err, blob.ErrInvalidKey), errors.Is(err, blob.ErrTooLarge), errors.Is(err, blob.ErrInvalidRange):
		return resultRejected
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return resultCanceled
	}
	return resultError
}
