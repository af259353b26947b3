// SPDX-License-Identifier: MIT

package obs

// StorageBuckets are the histogram buckets, in seconds, of the storage
// latencies (the blob store's operations, SQLite's writer queue). They reach down
// to a tenth of a millisecond (a Put on a local disk without its fsyncs, a Stat)
// and are close between 10 ms and 1 s, where a loaded disk's fsyncs lie.
var StorageBuckets = []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .02, .03, .05, .075, .1, .15, .2, .3, .5, .75, 1, 2.5, 5, 10}
