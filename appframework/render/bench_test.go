// SPDX-License-Identifier: MIT

package render

import (
	"slices"
	"testing"
	"time"

	"github.com/blankett/blankett/appframework/sampledata"
)

// BenchmarkRenderPage renders frontend-test's changename/form, the largest
// corpus page (62 components: inputs, radios, dropdowns, an address, file
// uploads, alerts, accordions, summaries), with sample data and reports the
// 95th percentile of the per-render durations as p95-ms (target < 5 ms).
//
//	go test ./appframework/render -run '^$' -bench RenderPage -benchtime 2000x
func BenchmarkRenderPage(b *testing.B) {
	a := loadApp(b, "frontend-test")
	r := New()
	set := a.LayoutSet("changename")
	page := set.Page("form")
	in := PageInput{Context: Context{App: a, LayoutSet: "changename", Data: sampledata.ForApp(a, sampledata.Options{}),
		Now: fixedNow, Elements: sampleElements(a)}, Page: "form"}
	durs := make([]time.Duration, 0, 1024)
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		if _, err := r.RenderPage(in); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(t0))
	}
	slices.Sort(durs)
	p95 := durs[len(durs)*95/100]
	b.ReportMetric(float64(p95.Nanoseconds())/1e6, "p95-ms")
	b.ReportMetric(float64(len(page.Components)), "components")
}
