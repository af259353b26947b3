// SPDX-License-Identifier: MIT

package events

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// ErrTypeFilter means a type filter is neither an event type nor a prefix wildcard.
var ErrTypeFilter = errors.New("events: invalid type filter")

// Wildcard, as a filter's whole last segment, matches any rest of a type.
const Wildcard = "*"

// eventType is an event type as filters name it: letters, digits and . _ -.
var eventType = regexp.MustCompile(`^[A-Za-z0-9._-]{1,200}$`)

// CheckTypeFilter returns nil when f is a type filter: an event type such as
// app.instance.process.completed (matched exactly), "*" (every type), or whole
// segments followed by ".*", such as app.instance.process.movedTo.* (every type
// that starts with them and has at least one more segment). A "*" anywhere else
// (app.inst*, app.*.created) is ErrTypeFilter: filters are prefixes of segments,
// not patterns.
func CheckTypeFilter(f string) error {
	if f == Wildcard {
		return nil
	}
	exact := strings.TrimSuffix(f, "."+Wildcard)
	if !eventType.MatchString(exact) || strings.HasSuffix(exact, ".") || len(f) > 200 {
		return fmt.Errorf("%w: %q: want an event type, %q or segments followed by \".*\"", ErrTypeFilter, f, Wildcard)
	}
	return nil
}

// TypePrefix returns what a wildcard filter f matches the start of, dot included
// ("app.instance." for app.instance.*, "" for *), and whether f is a wildcard at
// all. f must have passed CheckTypeFilter.
func TypePrefix(f string) (string, bool) {
	if f == Wildcard {
		return "", true
	}
	if p, ok := strings.CutSuffix(f, Wildcard); ok {
		return p, true
	}
	return "", false
}

// MatchType reports whether an event of type typ passes filter f: an empty
// filter or "*" passes every type, a wildcard every type longer than its prefix
// that starts with it, an event type only itself.
func MatchType(f, typ string) bool {
	if f == "" {
		return true
	}
	if p, ok := TypePrefix(f); ok {
		return len(typ) > len(p) && strings.HasPrefix(typ, p)
	}
	return f == typ
}
