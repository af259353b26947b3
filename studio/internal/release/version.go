// SPDX-License-Identifier: MIT

package release

import (
	"fmt"
	"regexp"
)

// versionRE is semver-like: an optional "v", one to three numbers, and an
// optional pre-release part. It is stricter than git's tag rules so that a
// version is also a safe URL segment and blob-key segment at the runtime.
var versionRE = regexp.MustCompile(`^v?(0|[1-9][0-9]{0,8})(\.(0|[1-9][0-9]{0,8})){0,2}(-[0-9A-Za-z][0-9A-Za-z.-]{0,30})?$`)

// CheckVersion reports whether v is a valid release version ("v1", "1.2.0",
// "v2.0.0-rc.1").
func CheckVersion(v string) error {
	if !versionRE.MatchString(v) || v[len(v)-1] == '.' || v[len(v)-1] == '-' {
		return fmt.Errorf("%w: version %q must look like 1.2.3 or v1.2.3-rc.1 (numbers without leading zeros, an optional v and pre-release part)", ErrInvalid, v)
	}
	return nil
}
