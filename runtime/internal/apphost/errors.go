// SPDX-License-Identifier: MIT

package apphost

import "errors"

// Sentinel errors of the package, wrapped with the operation; test with errors.Is.
var (
	// ErrNotFound means no release with that org/app (and version) is loaded, or the
	// app has no current version because every version is undeployed.
	ErrNotFound = errors.New("apphost: release not found")
	// ErrBundle means the release bundle is not a gzip'ed tar that passes the
	// limits: too large, too many files, a path that is absolute or climbs with
	// "..", a link or device entry, a duplicate path.
	ErrBundle = errors.New("apphost: invalid release bundle")
	// ErrTooLarge means the bundle is larger than Limits.MaxBundleSize; such an
	// error is also ErrBundle.
	ErrTooLarge = errors.New("apphost: release bundle too large")
	// ErrInvalidApp means the files do not load as an app, or lint found errors;
	// the error text lists the findings.
	ErrInvalidApp = errors.New("apphost: invalid app")
	// ErrInvalidArgument means an org, app or version name cannot be used (it must
	// be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit).
	ErrInvalidArgument = errors.New("apphost: invalid argument")
	// ErrConflict means the version is already deployed with other content, or
	// the operation does not fit the release's state (purging an active release,
	// reloading a release that was not loaded from a directory).
	ErrConflict = errors.New("apphost: conflict")
	// ErrWrongApp means the bundle holds another app than DeployMeta names; such
	// an error is also ErrConflict.
	ErrWrongApp = errors.New("apphost: bundle holds another app")
)
