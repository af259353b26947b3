// SPDX-License-Identifier: MIT

package storage

import (
	"net/url"
	"strings"
)

// queryNames are the parameters parseQuery reads or refuses, as Altinn spells
// them.
var queryNames = append([]string{"org", "appId", "instanceOwner.partyId", "instanceOwner.partyIds",
	"process.currentTask", "process.isComplete", "status.isArchived", "status.isSoftDeleted", "status.isHardDeleted",
	"lastChanged", "created", "excludeConfirmedBy", "confirmed", "size", "continuationToken", "order",
	"includeDataElements"}, unsupported...)

// repeatable are the parameters that may be given more than once.
var repeatable = map[string]bool{"instanceOwner.partyId": true, "instanceOwner.partyIds": true,
	"lastChanged": true, "created": true}

// canonicalQuery spells each known parameter as Altinn does, whatever case the
// client used (ASP.NET matches query names without regard to case, so
// process.iscomplete filters there), merging the values of names that differ
// only in case. A single-value parameter given more than once is an error:
// taking one of the values would drop a filter the client asked for.
func canonicalQuery(v url.Values) (url.Values, error) {
	out := make(url.Values, len(v))
	for name, vals := range v {
		for _, known := range queryNames {
			if strings.EqualFold(name, known) {
				name = known
				break
			}
		}
		out[name] = append(out[name], vals...)
	}
	for _, name := range queryNames {
		if len(out[name]) > 1 && !repeatable[name] {
			return nil, badParam("%s is given %d times; give it once.", name, len(out[name]))
		}
	}
	return out, nil
}
