// SPDX-License-Identifier: MIT

package blobmetrics_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/blob/blobmetrics"
	"github.com/blankett/blankett/internal/blob/blobtest"
	"github.com/blankett/blankett/internal/blob/fsblob"
	"github.com/blankett/blankett/internal/testenv/promtest"
)

func wrapped(t *testing.T, reg prometheus.Registerer) blob.Store {
	t.Helper()
	fs, err := fsblob.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fs.Close() })
	s, err := blobmetrics.Wrap(fs, "fs", reg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestConformance: the timed store behaves as the store it wraps.
func TestConformance(t *testing.T) {
	blobtest.Run(t, func(t *testing.T) blob.Store { return wrapped(t, prometheus.NewRegistry()) })
}

// TestCounts does operations with every outcome and checks that each is counted
// once under its op and result, with the backend label.
func TestCounts(t *testing.T) {
	reg := prometheus.NewRegistry()
	s := wrapped(t, reg)
	ctx := t.Context()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	steps := []struct {
		name string
		fn   func() error
	}{
		{"put ok", func() error { _, err := s.Put(ctx, "a/1", strings.NewReader("x"), blob.PutOptions{}); return err }},
		{"put rejected (too large)", func() error {
			_, err := s.Put(ctx, "a/2", strings.NewReader("xyz"), blob.PutOptions{MaxSize: 1})
			return want(err, blob.ErrTooLarge)
		}},
		{"put rejected (key)", func() error {
			_, err := s.Put(ctx, "../x", strings.NewReader("x"), blob.PutOptions{})
			return want(err, blob.ErrInvalidKey)
		}},
		{"put canceled", func() error {
			_, err := s.Put(cancelled, "a/3", strings.NewReader("x"), blob.PutOptions{})
			return want(err, context.Canceled)
		}},
		{"get ok", func() error {
			rc, _, err := s.Get(ctx, "a/1", nil)
			if err == nil {
				rc.Close()
			}
			return err
		}},
		{"get not found", func() error { _, _, err := s.Get(ctx, "a/none", nil); return want(err, blob.ErrNotFound) }},
		{"stat ok", func() error { _, err := s.Stat(ctx, "a/1"); return err }},
		{"delete ok", func() error { return s.Delete(ctx, "a/1") }},
		{"stat not found", func() error { _, err := s.Stat(ctx, "a/1"); return want(err, blob.ErrNotFound) }},
	}
	for _, st := range steps {
		if err := st.fn(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
	}
	want := map[string]float64{"put/ok": 1, "put/rejected": 2, "put/canceled": 1, "get/ok": 1, "get/not_found": 1,
		"stat/ok": 1, "stat/not_found": 1, "delete/ok": 1}
	// The histogram's series, each an observation count under backend="fs".
	got := map[string]float64{}
	for k, v := range promtest.Series(t, reg) {
		if rest, ok := strings.CutPrefix(k, blobmetrics.Name+`{backend="fs",op="`); ok {
			op, result, _ := strings.Cut(strings.TrimSuffix(rest, `"}`), `",result="`)
			got[op+"/"+result] = v
		} else if strings.HasPrefix(k, blobmetrics.Name+"{") {
			t.Errorf("series without backend fs: %s", k)
		}
	}
	if len(got) != len(want) {
		t.Errorf("series %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %v observations, want %v (all: %v)", k, got[k], n, got)
		}
	}
}

// TestRegisterTwice: a second store on the same registry is refused, not
// silently left untimed.
func TestRegisterTwice(t *testing.T) {
	reg := prometheus.NewRegistry()
	wrapped(t, reg)
	fs, err := fsblob.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer fs.Close()
	if _, err := blobmetrics.Wrap(fs, "fs", reg); err == nil {
		t.Fatal("second Wrap on one registry succeeded")
	}
}

// want returns nil when err is target, else an error saying what came instead.
func want(err, target error) error {
	if errors.Is(err, target) {
		return nil
	}
	return fmt.Errorf("got %v, want %w", err, target)
}
