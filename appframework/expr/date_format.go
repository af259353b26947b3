// SPDX-License-Identifier: MIT

package expr

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// formatDate writes t with an LDML/Unicode pattern (yyyy, MM, dd, EEEE, HH,
// mm, ss, SSS, a, G...). Runs of the same letter form one token; letters the
// table does not know and everything else are copied as written. With no
// pattern the language's short date is used: dd.MM.yyyy for nb and nn, M/d/yy
// otherwise.
func formatDate(t time.Time, pattern, lang string) string {
	names := calendarFor(lang)
	if pattern == "" {
		pattern = names.short
	}
	var b strings.Builder
	for i := 0; i < len(pattern); {
		j := i + 1
		for j < len(pattern) && pattern[j] == pattern[i] {
			j++
		}
		tok := pattern[i:j]
		if out, ok := formatToken(t, tok, names); ok {
			b.WriteString(out)
		} else {
			b.WriteString(tok)
		}
		i = j
	}
	return b.String()
}

func formatToken(t time.Time, tok string, c calendar) (string, bool) {
	n := len(tok)
	pad := func(v, width int) string {
		s := strconv.Itoa(v)
		for len(s) < width {
			s = "0" + s
		}
		return s
	}
	switch tok[0] {
	case 'G':
		if n > 5 {
			return "", false
		}
		era := 0
		if t.Year() <= 0 {
			era = 1
		}
		switch n {
		case 4:
			return c.eraLong[era], true
		case 5:
			return c.eraNarrow[era], true
		}
		return c.eraShort[era], true
	case 'y':
		if n > 4 {
			return "", false
		}
		switch n {
		case 1:
			return strconv.Itoa(t.Year()), true
		case 2:
			return pad(t.Year()%100, 2), true
		}
		return pad(t.Year(), 4), true
	case 'u':
		if n > 4 {
			return "", false
		}
		switch n {
		case 1:
			return strconv.Itoa(t.Year()), true
		case 3:
			return pad(t.Year(), 3), true
		}
		return pad(t.Year(), 4), true
	case 'M':
		switch n {
		case 1:
			return strconv.Itoa(int(t.Month())), true
		case 2:
			return pad(int(t.Month()), 2), true
		case 3:
			return c.monthsShort[t.Month()-1], true
		case 4:
			return c.months[t.Month()-1], true
		}
	case 'd':
		if n <= 2 {
			return pad(t.Day(), n), true
		}
	case 'E':
		switch {
		case n <= 3:
			return c.daysShort[t.Weekday()], true
		case n == 4:
			return c.days[t.Weekday()], true
		case n == 5:
			r, _ := utf8.DecodeRuneInString(c.daysShort[t.Weekday()])
			return string(unicode.ToUpper(r)), true
		}
	case 'a':
		if n == 1 {
			// Altinn's backend counts noon as a.m.; the vectors follow it.
			if t.Hour() <= 12 {
				return c.am, true
			}
			return c.pm, true
		}
	case 'h':
		if n <= 2 {
			h := t.Hour() % 12
			if h == 0 {
				h = 12
			}
			return pad(h, n), true
		}
	case 'H':
		if n <= 2 {
			return pad(t.Hour(), n), true
		}
	case 'm':
		if n <= 2 {
			return pad(t.Minute(), n), true
		}
	case 's':
		if n <= 2 {
			return pad(t.Second(), n), true
		}
	case 'S':
		if n <= 3 {
			frac := pad(t.Nanosecond(), 9)
			if n == 1 {
				return frac[:1], true
			}
			return frac[:n], true
		}
	}
	return "", false
}

// calendar holds the names formatDate needs for one language.
type calendar struct {
	short                        string
	months, monthsShort          []string
	days, daysShort              []string
	am, pm                       string
	eraShort, eraLong, eraNarrow [2]string
}

func calendarFor(lang string) calendar {
	switch lang {
	case "nb", "nn":
		c := calendar{
			short:       "dd.MM.yyyy",
			months:      []string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"},
			monthsShort: []string{"jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"},
			days:        []string{"søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"},
			daysShort:   []string{"søn", "man", "tir", "ons", "tor", "fre", "lør"},
			am:          "a.m.",
			pm:          "p.m.",
			eraShort:    [2]string{"e.Kr.", "f.Kr."},
			eraLong:     [2]string{"etter Kristus", "før Kristus"},
			eraNarrow:   [2]string{"e.Kr.", "f.Kr."},
		}
		if lang == "nn" {
			c.days = []string{"sundag", "måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag"}
			c.daysShort = []string{"søn", "mån", "tys", "ons", "tor", "fre", "lau"}
		}
		return c
	}
	return calendar{
		short:       "M/d/yy",
		months:      []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		monthsShort: []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		days:        []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		daysShort:   []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		am:          "AM",
		pm:          "PM",
		eraShort:    [2]string{"AD", "BC"},
		eraLong:     [2]string{"Anno Domini", "Before Christ"},
		eraNarrow:   [2]string{"A", "B"},
	}
}
