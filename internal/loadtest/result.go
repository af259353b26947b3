// SPDX-License-Identifier: MIT

package loadtest

import (
	"slices"
	"time"
)

// Result is what one scenario measured.
type Result struct {
	Name string
	// Requests counts finished operations, Errors the failed ones among them.
	Requests, Errors int64
	Elapsed          time.Duration
	P50, P95, P99    time.Duration
	Max              time.Duration
	// FirstError is the first failure's message, to show why errors happened.
	FirstError string
	// Skipped, when set, says why the scenario did not run.
	Skipped string
	// CPU is the CPU time the whole process (server and clients when they share
	// it) used during the run; 0 when it could not be read.
	CPU time.Duration
	// DBCPU is the CPU time the database server used during the run, when
	// Options.DBCPU could read it; 0 otherwise (SQLite's is in CPU).
	DBCPU time.Duration
	// PerRequest, for a scenario of several HTTP requests per operation (submit:
	// instantiate, PUT data, process/next), is the same run counted request by
	// request; nil when each operation is one request.
	PerRequest *Result
	// Steps, with PerRequest, splits it by the request's place in the
	// operation (submit: the instantiation, the PUT, process/next), so that a
	// tail can be traced to its request. Their CPU is not split.
	Steps []Result
}

// Throughput is finished operations per second.
func (r Result) Throughput() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

// CPUPerOp is CPU divided by the finished operations; 0 when unknown.
func (r Result) CPUPerOp() time.Duration {
	if r.Requests == 0 {
		return 0
	}
	return r.CPU / time.Duration(r.Requests)
}

// DBCPUPerOp is DBCPU divided by the finished operations; 0 when unknown.
func (r Result) DBCPUPerOp() time.Duration {
	if r.Requests == 0 {
		return 0
	}
	return r.DBCPU / time.Duration(r.Requests)
}

// summarise sorts lat and fills the counts and percentiles.
func summarise(name string, lat []time.Duration, elapsed time.Duration) Result {
	slices.Sort(lat)
	r := Result{Name: name, Requests: int64(len(lat)), Elapsed: elapsed}
	if len(lat) == 0 {
		return r
	}
	r.P50, r.P95, r.P99 = percentile(lat, 50), percentile(lat, 95), percentile(lat, 99)
	r.Max = lat[len(lat)-1]
	return r
}

// percentile is the nearest-rank percentile p of sorted, non-empty lat.
func percentile(lat []time.Duration, p int) time.Duration {
	rank := (len(lat)*p + 99) / 100 // ceil(n·p/100)
	if rank < 1 {
		rank = 1
	}
	return lat[rank-1]
}
