// SPDX-License-Identifier: MIT

package promtest_test

import (
	"maps"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/blankett/blankett/internal/testenv/promtest"
)

// TestSeries gathers a counter with labels, a gauge and a histogram.
func TestSeries(t *testing.T) {
	reg := prometheus.NewRegistry()
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Name: "c_total", Help: "h"}, []string{"z", "a"})
	g := prometheus.NewGauge(prometheus.GaugeOpts{Name: "g", Help: "h"})
	h := prometheus.NewHistogram(prometheus.HistogramOpts{Name: "h_seconds", Help: "h"})
	reg.MustRegister(c, g, h)
	c.WithLabelValues("1", "2").Add(3)
	g.Set(-4)
	h.Observe(0.5)
	h.Observe(1.5)
	want := map[string]float64{`c_total{a="2",z="1"}`: 3, "g": -4, "h_seconds": 2, "h_seconds_sum": 2}
	if got := promtest.Series(t, reg); !maps.Equal(got, want) {
		t.Errorf("Series = %v, want %v", got, want)
	}
}
