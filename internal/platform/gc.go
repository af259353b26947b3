// SPDX-License-Identifier: MIT

package platform

import (
	"os"
	"runtime/debug"
	"strconv"
)

// applyGCPercent sets the garbage collector's target to percent, unless the GOGC
// environment variable is set: the Go runtime has applied that one already, and an
// operator who sets it means it. It returns the setting in effect, for the start-up
// log ("off" when GOGC disables the collector).
//
// The Go default of 100 lets the heap grow to twice the live data. A server here
// keeps little live data (caches of decoded documents and forms) and allocates a
// lot per request, so collections come often and each one costs the same marking
// work; 200 halves how often they run for about one more live heap of memory. See
// docs/operators.md, "Memory and garbage collection".
func applyGCPercent(percent int, lookupEnv func(string) (string, bool)) string {
	target, fromEnv := gcTarget(percent, lookupEnv)
	if !fromEnv {
		debug.SetGCPercent(percent)
	}
	return target
}

// GCTarget says which target the collector has with --gc-percent percent, as
// the start-up log says it: percent, or GOGC's value when the environment sets it.
func GCTarget(percent int) string {
	target, _ := gcTarget(percent, os.LookupEnv)
	return target
}

func gcTarget(percent int, lookupEnv func(string) (string, bool)) (target string, fromEnv bool) {
	if v, ok := lookupEnv("GOGC"); ok && v != "" {
		return v + " (GOGC)", true
	}
	return strconv.Itoa(percent), false
}
