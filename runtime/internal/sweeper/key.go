// SPDX-License-Identifier: MIT

package sweeper

import (
	"strings"

	"github.com/google/uuid"
)

// versionLen is the length of the hex suffix instances adds to the key of
// replaced content ("{dataGuid}.{12 hex}").
const versionLen = 12

// IsDataKey reports whether key has the shape of a data element's blob key,
// "{org}/{app}/{instanceGuid}/data/{dataGuid}" with an optional ".{12 hex}"
// version suffix. Only such keys are ever swept: release bundles
// ("releases/…") and objects other tools put in a shared bucket are not the
// sweeper's to judge.
func IsDataKey(key string) bool {
	seg := strings.Split(key, "/")
	if len(seg) != 5 || seg[0] == "" || seg[1] == "" || seg[3] != "data" || !isGUID(seg[2]) {
		return false
	}
	data, version, versioned := strings.Cut(seg[4], ".")
	if !isGUID(data) {
		return false
	}
	return !versioned || len(version) == versionLen && isLowerHex(version)
}

// isGUID accepts only the canonical lower-case 36-character form the runtime writes.
func isGUID(s string) bool {
	u, err := uuid.Parse(s)
	return err == nil && len(s) == 36 && u.String() == s
}

func isLowerHex(s string) bool {
	for _, c := range []byte(s) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
