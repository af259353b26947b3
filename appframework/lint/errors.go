// SPDX-License-Identifier: MIT

package lint

import "errors"

// Errors of the package.
var (
	// ErrNotApp reports a file system that holds no app at all: no
	// config/applicationmetadata.json under App/ or the root.
	ErrNotApp = errors.New("lint: not an app repository")
	// ErrSeverity reports an unknown severity name.
	ErrSeverity = errors.New("lint: unknown severity")
	// ErrFormat reports an unknown output format.
	ErrFormat = errors.New("lint: unknown format")
)
