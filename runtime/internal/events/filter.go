// SPDX-License-Identifier: MIT

package events

import "github.com/blankett/blankett/runtime/internal/store"

// Matches reports whether sub receives ev: the event is of the subscription's app
// (its source filter), passes its type filter (MatchType: exact, or a trailing
// ".*" wildcard) and is about its subject when it names one; an empty filter
// matches everything. A subscription that is disabled or not yet validated
// receives nothing.
func Matches(sub store.Subscription, ev store.CloudEvent) bool {
	return sub.Validated && !sub.Disabled &&
		sub.FilterOrg == ev.Org && sub.FilterApp == ev.App &&
		MatchType(sub.TypeFilter, ev.Type) &&
		(sub.SubjectFilter == "" || sub.SubjectFilter == ev.Subject)
}
