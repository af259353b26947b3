// SPDX-License-Identifier: MIT

package instances

import (
	"time"

	"github.com/blankett/blankett/runtime/internal/apphost"
)

// Short names for the types most signatures carry.
type (
	timeT = time.Time
	relT  = *apphost.Release
)
