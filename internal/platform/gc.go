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
	if v, ok := gogc(lookupEnv); ok {
		return v + " (GOGC)"
	}
	debug.SetGCPercent(percent)
	return strconv.Itoa(percent)
}

// GOGC returns the GOGC environment variable when it is set and not empty:
// then it, not --gc-percent, is the collector's target.
func GOGC() (string, bool) { return gogc(os.LookupEnv) }

func gogc(lookupEnv func(string) (string, bool)) (string, bool) {
	v, ok := lookupEnv("GOGC")
	return v, ok && v != ""
}
