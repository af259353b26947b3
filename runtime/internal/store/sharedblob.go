// SPDX-License-Identifier: MIT

package store

import "strings"

// SharedBlobKey returns the key of content many data elements of app appID
// ("org/app") may point at, named by the lower-case hex SHA-256 of the content:
// the empty form data every new instance of a release starts with. It has four
// segments, never the five of BlobKey, so the orphan sweeper never takes it for a
// data element's blob.
func SharedBlobKey(appID, sha256 string) string {
	return appID + "/shared/" + sha256
}

// IsSharedBlobKey reports whether key has the shape SharedBlobKey makes. Such a
// blob is never deleted when an element pointing at it is replaced or deleted:
// other instances' rows, and rows about to be written, point at it too.
func IsSharedBlobKey(key string) bool {
	seg := strings.Split(key, "/")
	if len(seg) != 4 || seg[0] == "" || seg[1] == "" || seg[2] != "shared" || len(seg[3]) != 64 {
		return false
	}
	for _, c := range []byte(seg[3]) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
