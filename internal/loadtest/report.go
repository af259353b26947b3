// SPDX-License-Identifier: MIT

package loadtest

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// Print writes results as a table. With baseline set (and measured), each
// row also shows its throughput and p99 as a ratio to the baseline's.
func Print(w io.Writer, results []Result, baseline *Result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "scenario\trequests\terrors\tper s\tp50\tp95\tp99\tmax\tCPU per op\tDB CPU per op\tper s vs baseline\tp99 vs baseline\t")
	var rows []Result
	for _, r := range results {
		rows = append(rows, r)
		if r.PerRequest != nil {
			rows = append(rows, *r.PerRequest)
			rows = append(rows, r.Steps...)
		}
	}
	for _, r := range rows {
		if r.Skipped != "" {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t\n", r.Name)
			continue
		}
		tput, p99 := "-", "-"
		if baseline != nil && baseline.Throughput() > 0 && baseline.P99 > 0 {
			tput = fmt.Sprintf("%.2f", r.Throughput()/baseline.Throughput())
			p99 = fmt.Sprintf("%.2f", float64(r.P99)/float64(baseline.P99))
		}
		cpu, dbCPU := "-", "-"
		if r.CPU > 0 {
			cpu = msPrecise(r.CPUPerOp())
		}
		if r.DBCPU > 0 {
			dbCPU = msPrecise(r.DBCPUPerOp())
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.Name, r.Requests, r.Errors, r.Throughput(),
			ms(r.P50), ms(r.P95), ms(r.P99), ms(r.Max), cpu, dbCPU, tput, p99)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, r := range results {
		switch {
		case r.Skipped != "":
			fmt.Fprintf(w, "%s: skipped: %s\n", r.Name, r.Skipped)
		case r.FirstError != "":
			fmt.Fprintf(w, "%s: first error: %s\n", r.Name, r.FirstError)
		}
	}
	return nil
}

func msPrecise(d time.Duration) string { return fmt.Sprintf("%.3fms", float64(d.Nanoseconds())/1e6) }

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000) }
