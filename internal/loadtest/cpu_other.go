// SPDX-License-Identifier: MIT

//go:build !unix

package loadtest

import "time"

// ProcessCPU is unknown on this system.
func ProcessCPU() (time.Duration, bool) { return 0, false }
