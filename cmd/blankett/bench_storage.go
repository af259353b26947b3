// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"strings"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/blankett/blankett/internal/blob/blobmetrics"
	"github.com/blankett/blankett/internal/dbx"
)

// hist is one histogram read from /metrics: its count, sum and cumulative
// bucket counts by upper bound, in the order the exposition lists them.
type hist struct {
	count, sum float64
	bounds     []float64
	cum        []float64
}

// storageSnap holds the storage histograms the bench reports, by what they time.
type storageSnap struct {
	put, queue, batch hist
}

// scrapeStorage reads the runtime's storage metrics from its admin listener.
func scrapeStorage(ctx context.Context, hc *http.Client, admin string) (storageSnap, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, admin+"/metrics", nil)
	if err != nil {
		return storageSnap{}, err
	}
	res, err := hc.Do(req)
	if err != nil {
		return storageSnap{}, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return storageSnap{}, fmt.Errorf("GET %s/metrics: %s", admin, res.Status)
	}
	return parseStorage(res.Body)
}

// parseStorage picks the storage histograms out of a text exposition: the blob
// store's successful puts, and SQLite's writer queue and batch sizes (absent on
// PostgreSQL).
func parseStorage(r io.Reader) (storageSnap, error) {
	p := expfmt.NewTextParser(model.UTF8Validation)
	mfs, err := p.TextToMetricFamilies(r)
	if err != nil {
		return storageSnap{}, fmt.Errorf("read /metrics: %w", err)
	}
	var s storageSnap
	for _, m := range mfs[blobmetrics.Name].GetMetric() {
		if label(m, "op") == "put" && label(m, "result") == "ok" {
			s.put = histOf(m)
		}
	}
	for _, m := range mfs[dbx.MetricWriteQueue].GetMetric() {
		s.queue = histOf(m)
	}
	for _, m := range mfs[dbx.MetricWriteBatch].GetMetric() {
		s.batch = histOf(m)
	}
	return s, nil
}

func label(m *dto.Metric, name string) string {
	for _, l := range m.GetLabel() {
		if l.GetName() == name {
			return l.GetValue()
		}
	}
	return ""
}

func histOf(m *dto.Metric) hist {
	h := m.GetHistogram()
	out := hist{count: float64(h.GetSampleCount()), sum: h.GetSampleSum()}
	for _, b := range h.GetBucket() {
		out.bounds = append(out.bounds, b.GetUpperBound())
		out.cum = append(out.cum, float64(b.GetCumulativeCount()))
	}
	return out
}

// minus is what h counted since before (the same histogram, read earlier).
func (h hist) minus(before hist) hist {
	out := hist{count: h.count - before.count, sum: h.sum - before.sum, bounds: h.bounds}
	for i, c := range h.cum {
		if i < len(before.cum) {
			c -= before.cum[i]
		}
		out.cum = append(out.cum, c)
	}
	return out
}

// upper is the smallest bucket bound below which at least fraction q of the
// observations fell: an upper limit of the q-quantile. +Inf when it lies above
// the last bound.
func (h hist) upper(q float64) float64 {
	for i, c := range h.cum {
		if c >= q*h.count {
			return h.bounds[i]
		}
	}
	return math.Inf(1)
}

// storageLine says, for one scenario, what its blob puts and SQLite writes
// waited, from the difference of two scrapes; "" when the scenario made neither.
func storageLine(scenario string, before, after storageSnap) string {
	put, queue, batch := after.put.minus(before.put), after.queue.minus(before.queue), after.batch.minus(before.batch)
	var parts []string
	if put.count > 0 {
		parts = append(parts, fmt.Sprintf("blob put %.0f × mean %s, p99 ≤ %s", put.count, seconds(put.sum/put.count), seconds(put.upper(0.99))))
	}
	if batch.count > 0 && queue.count > 0 {
		parts = append(parts, fmt.Sprintf("SQLite writer %.0f transactions in %.0f commits (%.1f each), queued mean %s, p99 ≤ %s",
			queue.count, batch.count, batch.sum/batch.count, seconds(queue.sum/queue.count), seconds(queue.upper(0.99))))
	}
	if len(parts) == 0 {
		return ""
	}
	return "storage during " + scenario + ": " + strings.Join(parts, "; ")
}

// seconds formats s in milliseconds; +Inf (a quantile above the last bucket) as ∞.
func seconds(s float64) string {
	if math.IsInf(s, 1) {
		return "∞"
	}
	return fmt.Sprintf("%.1f ms", s*1000)
}
