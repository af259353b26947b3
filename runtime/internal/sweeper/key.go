// SPDX-License-Identifier: MIT

package sweeper

import (
	"strings"
	"time"

	"github.com/google/uuid"
)

// versionLen is the length of the hex suffix instances adds to the key of
// replaced content ("{dataGuid}.{12 hex}").
const versionLen = 12

// IsDataKey reports whether key has the shape of a data element's blob key,
// either the one store.BlobKey makes,
// "{org}/{app}/data/{yyyy-mm}/{instanceGuid}.{dataGuid}", or the one rows
// written before it hold, "{org}/{app}/{instanceGuid}/data/{dataGuid}"; both
// with an optional ".{12 hex}" version suffix. Only such keys are ever swept:
// release bundles ("releases/…"), shared form data ("{org}/{app}/shared/…") and
// objects other tools put in a shared bucket are not the sweeper's to judge.
func IsDataKey(key string) bool {
	seg := strings.Split(key, "/")
	if len(seg) != 5 || seg[0] == "" || seg[1] == "" {
		return false
	}
	if seg[2] == "data" && isMonth(seg[3]) {
		instance, rest, ok := strings.Cut(seg[4], ".")
		return ok && isGUID(instance) && isElementName(rest)
	}
	return seg[3] == "data" && isGUID(seg[2]) && isElementName(seg[4])
}

// isElementName accepts "{dataGuid}" with an optional ".{12 hex}" version suffix.
func isElementName(s string) bool {
	data, version, versioned := strings.Cut(s, ".")
	if !isGUID(data) {
		return false
	}
	return !versioned || len(version) == versionLen && isLowerHex(version)
}

// isMonth accepts the "yyyy-mm" store.BlobKey writes.
func isMonth(s string) bool {
	_, err := time.Parse("2006-01", s)
	return err == nil && len(s) == len("2006-01")
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
