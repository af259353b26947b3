// SPDX-License-Identifier: MIT

package blobmetrics_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/blob/blobmetrics"
	"github.com/blankett/blankett/internal/blob/blobtest"
	"github.com/blankett/blankett/internal/blob/fsblob"
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
	want := map[string]int{"put/ok": 1, "put/rejected": 2, "put/canceled": 1, "get/ok": 1, "get/not_found": 1,
		"stat/ok": 1, "stat/not_found": 1, "delete/ok": 1}
	got := counts(t, reg)
	if len(got) != len(want) {
		t.Errorf("series %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d observations, want %d (all: %v)", k, got[k], n, got)
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

// counts maps "op/result" to the number of observations, checking the backend
// label on the way.
func counts(t *testing.T, reg *prometheus.Registry) map[string]int {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, mf := range mfs {
		if mf.GetName() != blobmetrics.Name {
			continue
		}
		for _, m := range mf.GetMetric() {
			l := map[string]string{}
			for _, p := range m.GetLabel() {
				l[p.GetName()] = p.GetValue()
			}
			if l["backend"] != "fs" {
				t.Errorf("backend label %q, want fs", l["backend"])
			}
			out[l["op"]+"/"+l["result"]] = int(m.GetHistogram().GetSampleCount())
		}
	}
	return out
}

// want returns nil when err is target, else an error saying what came instead.
func want(err, target error) error {
	if errors.Is(err, target) {
		return nil
	}
	return errors.New("got " + errorString(err) + ", want " + target.Error())
}

func errorString(err error) string {
	if err == nil {
		return "no error"
	}
	return err.Error()
}
