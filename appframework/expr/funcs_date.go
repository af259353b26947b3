// SPDX-License-Identifier: MIT

package expr

import "time"

// formatDate formats a date in the user's language. Timestamps with an
// offset are first moved to Env.TimeZone (UTC by default); dates and local
// timestamps are shown as written.
func (c *call) formatDate() (Value, error) {
	d, err := dateArg(c.args[0], c.n.args[0].aux)
	if err != nil {
		return Value{}, c.at(0, err)
	}
	if d == nil {
		return Value{}, nil
	}
	pattern := ""
	if len(c.args) == 2 {
		pattern, _ = c.text(1)
	}
	t := d.t
	if d.zone {
		loc := c.ev.env.TimeZone
		if loc == nil {
			loc = time.UTC
		}
		t = t.In(loc)
	}
	return String(formatDate(t, pattern, c.ev.language())), nil
}

func (ev *evaluator) language() string {
	if ev.env.Language == "" {
		return "nb"
	}
	return ev.env.Language
}
