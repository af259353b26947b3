// SPDX-License-Identifier: MIT

package main

import (
	"strings"
	"testing"
)

// expositions of the storage metrics before and after a scenario: 3 puts
// (mean 20 ms, all ≤ 25 ms) and 4 write transactions in 2 commits, one of which
// waited past the last bucket but one.
const storageBefore = `# TYPE blankett_blob_operation_duration_seconds histogram
blankett_blob_operation_duration_seconds_bucket{backend="fs",op="put",result="ok",le="0.01"} 1
blankett_blob_operation_duration_seconds_bucket{backend="fs",op="put",result="ok",le="0.025"} 2
blankett_blob_operation_duration_seconds_bucket{backend="fs",op="put",result="ok",le="+Inf"} 2
blankett_blob_operation_duration_seconds_sum{backend="fs",op="put",result="ok"} 0.02
blankett_blob_operation_duration_seconds_count{backend="fs",op="put",result="ok"} 2
blankett_blob_operation_duration_seconds_bucket{backend="fs",op="get",result="ok",le="0.01"} 9
blankett_blob_operation_duration_seconds_bucket{backend="fs",op="get",result="ok",le="0.025"} 9
blankett_blob_operation_duration_seconds_bucket{backend="fs",op="get",result="ok",le="+Inf"} 9
blankett_blob_operation_duration_seconds_sum{backend="fs",op="get",result="ok"} 0.01
blankett_blob_operation_duration_seconds_count{backend="fs",op="get",result="ok"} 9
# TYPE blankett_db_write_queue_seconds histogram
blankett_db_write_queue_seconds_bucket{le="0.01"} 1
blankett_db_write_queue_seconds_bucket{le="1"} 1
blankett_db_write_queue_seconds_bucket{le="+Inf"} 1
blankett_db_write_queue_seconds_sum 0.001
blankett_db_write_queue_seconds_count 1
# TYPE blankett_db_write_batch_transactions histogram
blankett_db_write_batch_transactions_bucket{le="1"} 1
blankett_db_write_batch_transactions_bucket{le="+Inf"} 1
blankett_db_write_batch_transactions_sum 1
blankett_db_write_batch_transactions_count 1
`

var storageAfter = strings.NewReplacer(
	`result="ok",le="0.01"} 1`, `result="ok",le="0.01"} 2`,
	`result="ok",le="0.025"} 2`, `result="ok",le="0.025"} 5`,
	`result="ok",le="+Inf"} 2`, `result="ok",le="+Inf"} 5`,
	`put",result="ok"} 0.02`, `put",result="ok"} 0.08`,
	`put",result="ok"} 2`, `put",result="ok"} 5`,
	`queue_seconds_bucket{le="0.01"} 1`, `queue_seconds_bucket{le="0.01"} 4`,
	`queue_seconds_bucket{le="1"} 1`, `queue_seconds_bucket{le="1"} 4`,
	`queue_seconds_bucket{le="+Inf"} 1`, `queue_seconds_bucket{le="+Inf"} 5`,
	`queue_seconds_sum 0.001`, `queue_seconds_sum 2.021`,
	`queue_seconds_count 1`, `queue_seconds_count 5`,
	`transactions_bucket{le="1"} 1`, `transactions_bucket{le="1"} 2`,
	`transactions_bucket{le="+Inf"} 1`, `transactions_bucket{le="+Inf"} 3`,
	`transactions_sum 1`, `transactions_sum 5`,
	`transactions_count 1`, `transactions_count 3`,
).Replace(storageBefore)

// TestStorageLine reads two expositions and reports the difference: the puts
// and writes made between them, their means, and the quantile's bucket bound.
func TestStorageLine(t *testing.T) {
	before, err := parseStorage(strings.NewReader(storageBefore))
	if err != nil {
		t.Fatal(err)
	}
	after, err := parseStorage(strings.NewReader(storageAfter))
	if err != nil {
		t.Fatal(err)
	}
	want := "storage during submit: blob put 3 × mean 20.0 ms, p99 ≤ 25.0 ms; " +
		"SQLite writer 4 transactions in 2 commits (2.0 each), queued mean 505.0 ms, p99 ≤ ∞"
	if got := storageLine("submit", before, after); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := storageLine("page", after, after); got != "" {
		t.Errorf("nothing stored, got %q", got)
	}
	// PostgreSQL: no writer metrics, the puts alone.
	pg, err := parseStorage(strings.NewReader(strings.Split(storageAfter, "# TYPE blankett_db_write_queue_seconds")[0]))
	if err != nil {
		t.Fatal(err)
	}
	if got := storageLine("submit", storageSnap{}, pg); got != "storage during submit: blob put 5 × mean 16.0 ms, p99 ≤ 25.0 ms" {
		t.Errorf("without the writer: %q", got)
	}
	if _, err := parseStorage(strings.NewReader("not an exposition {")); err == nil {
		t.Error("a broken exposition parsed")
	}
}
