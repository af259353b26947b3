// SPDX-License-Identifier: MIT

package promtest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// Series returns every series reg gathers, keyed by its name and its labels in
// order: "name" or `name{a="x",b="y"}`. A counter or gauge gives its value; a
// histogram gives its sample count under that key and its sum under the key of
// name_sum.
func Series(t testing.TB, reg prometheus.Gatherer) map[string]float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			name, labels := mf.GetName(), labelText(m)
			switch mf.GetType() {
			case dto.MetricType_HISTOGRAM:
				out[name+labels] = float64(m.GetHistogram().GetSampleCount())
				out[name+"_sum"+labels] = m.GetHistogram().GetSampleSum()
			case dto.MetricType_GAUGE:
				out[name+labels] = m.GetGauge().GetValue()
			default:
				out[name+labels] = m.GetCounter().GetValue()
			}
		}
	}
	return out
}

// labelText is `{a="x",b="y"}` for m's labels in name order, "" for none.
func labelText(m *dto.Metric) string {
	var labels []string
	for _, l := range m.GetLabel() {
		labels = append(labels, fmt.Sprintf("%s=%q", l.GetName(), l.GetValue()))
	}
	if len(labels) == 0 {
		return ""
	}
	slices.Sort(labels)
	return "{" + strings.Join(labels, ",") + "}"
}
