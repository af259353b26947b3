// SPDX-License-Identifier: MIT

package expr

import "time"

// date is a parsed date or timestamp. Timestamps without an offset are kept
// as wall-clock times (in UTC, with zone false) and are never shifted.
type date struct {
	t    time.Time
	zone bool
}

// parseDate accepts exactly YYYY-MM-DD, optionally followed by a time
// (T or space, HH:MM, optional :SS with 1-9 fraction digits) and an optional
// Z or ±HH:MM offset, in ASCII digits. Text of another shape is "Unknown
// format"; a well-shaped text naming an impossible instant (2021-02-29,
// 23:59:60, an offset of 24 hours) is "invalid".
func parseDate(s string) (*date, error) {
	unknown := func() (*date, error) {
		return nil, errorf("", ErrInvalidArgument, "Unable to parse date %q: Unknown format", s)
	}
	invalid := func() (*date, error) {
		return nil, errorf("", ErrInvalidArgument, "Unable to parse date %q: Format was recognized, but the date/time is invalid", s)
	}
	num := func(i, n int) (int, bool) {
		if i+n > len(s) {
			return 0, false
		}
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	year, ok1 := num(0, 4)
	month, ok2 := num(5, 2)
	day, ok3 := num(8, 2)
	if !ok1 || !ok2 || !ok3 || s[4] != '-' || s[7] != '-' {
		return unknown()
	}
	var hour, minute, sec, nsec, offset int
	zone := false
	i := 10
	if i < len(s) {
		if c := s[i]; c != 'T' && c != 't' && c != ' ' {
			return unknown()
		}
		var okH, okM bool
		hour, okH = num(i+1, 2)
		minute, okM = num(i+4, 2)
		if !okH || !okM || s[i+3] != ':' {
			return unknown()
		}
		i += 6
		if i < len(s) && s[i] == ':' {
			var okS bool
			if sec, okS = num(i+1, 2); !okS {
				return unknown()
			}
			i += 3
			if i < len(s) && s[i] == '.' {
				j := i + 1
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				digits := j - i - 1
				if digits < 1 || digits > 9 {
					return unknown()
				}
				frac, _ := num(i+1, digits)
				for range 9 - digits {
					frac *= 10
				}
				nsec = frac
				i = j
			}
		}
		if i < len(s) {
			switch s[i] {
			case 'Z', 'z':
				zone = true
				i++
			case '+', '-':
				oh, okH := num(i+1, 2)
				om, okM := num(i+4, 2)
				if !okH || !okM || i+3 >= len(s) || s[i+3] != ':' {
					return unknown()
				}
				if oh > 23 || om > 59 {
					if i+6 != len(s) {
						return unknown()
					}
					return invalid()
				}
				offset = (oh*60 + om) * 60
				if s[i] == '-' {
					offset = -offset
				}
				zone = true
				i += 6
			}
		}
		if i != len(s) {
			return unknown()
		}
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || sec > 59 {
		return invalid()
	}
	loc := time.UTC
	if zone && offset != 0 {
		loc = time.FixedZone("", offset)
	}
	return &date{t: time.Date(year, time.Month(month), day, hour, minute, sec, nsec, loc), zone: zone}, nil
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateArg reads a date parameter: a string or null. Empty and blank strings
// are null, as in the backend.
func dateArg(v Value, pre any) (*date, error) {
	if d, ok := pre.(*date); ok {
		return d, nil
	}
	switch v.kind {
	case KindNull:
		return nil, nil
	case KindString:
		if isBlank(v.str) {
			return nil, nil
		}
		return parseDate(v.str)
	}
	return nil, errorf("", ErrType, "Date expressions only accept strings or null, got %s", v)
}

func isBlank(s string) bool {
	for _, c := range s {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}
