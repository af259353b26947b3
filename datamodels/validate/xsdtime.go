// SPDX-License-Identifier: MIT

package validate

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// errLexical is the cause of a value outside a type's lexical space.
var errLexical = errors.New("not in the lexical space")

// dateKind names the XSD date and time types this file reads.
type dateKind uint8

const (
	kDate dateKind = iota
	kDateTime
	kTime
	kGYear
	kGYearMonth
	kGMonthDay
	kGDay
	kGMonth
)

// moment is a parsed date/time value: t orders it (UTC when no time zone).
type moment struct {
	t time.Time
}

// parseDate reads a value of the given XSD type (XSD 1.0 lexical rules:
// four-digit or longer years without a leading zero beyond four, no year
// 0000, days within their month, 24:00:00 only as end of day, time zones
// Z or ±hh:mm up to 14:00).
func parseDate(s string, k dateKind) (moment, error) {
	p := &dp{s: s}
	year, month, day := 2000, 1, 1
	hour, minute, sec, nsec := 0, 0, 0, 0
	var err error
	switch k {
	case kDate, kDateTime, kGYear, kGYearMonth:
		if year, err = p.year(); err != nil {
			return moment{}, err
		}
		if k != kGYear {
			if !p.lit('-') {
				return moment{}, errLexical
			}
			if month, err = p.num2(1, 12); err != nil {
				return moment{}, err
			}
		}
		if k == kDate || k == kDateTime {
			if !p.lit('-') {
				return moment{}, errLexical
			}
			if day, err = p.num2(1, daysIn(year, month)); err != nil {
				return moment{}, err
			}
		}
	case kGMonthDay, kGMonth:
		if !p.lit('-') || !p.lit('-') {
			return moment{}, errLexical
		}
		if month, err = p.num2(1, 12); err != nil {
			return moment{}, err
		}
		if k == kGMonthDay {
			if !p.lit('-') {
				return moment{}, errLexical
			}
			if day, err = p.num2(1, daysIn(2000, month)); err != nil {
				return moment{}, err
			}
		}
	case kGDay:
		if !p.lit('-') || !p.lit('-') || !p.lit('-') {
			return moment{}, errLexical
		}
		if day, err = p.num2(1, 31); err != nil {
			return moment{}, err
		}
	}
	if k == kDateTime && !p.lit('T') {
		return moment{}, errLexical
	}
	if k == kDateTime || k == kTime {
		if hour, minute, sec, nsec, err = p.clock(); err != nil {
			return moment{}, err
		}
	}
	loc, err := p.zone()
	if err != nil || p.i != len(s) {
		return moment{}, errLexical
	}
	if year < -9999 || year > 9999 {
		year = max(min(year, 9999), -9999) // order beyond time.Time's comfort is not needed for forms
	}
	return moment{t: time.Date(year, time.Month(month), day, hour, minute, sec, nsec, loc)}, nil
}

type dp struct {
	s string
	i int
}

func (p *dp) lit(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *dp) digits() string {
	j := p.i
	for j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' {
		j++
	}
	d := p.s[p.i:j]
	p.i = j
	return d
}

func (p *dp) year() (int, error) {
	neg := p.lit('-')
	d := p.digits()
	if len(d) < 4 || len(d) > 4 && d[0] == '0' || strings.Trim(d, "0") == "" || len(d) > 9 {
		return 0, errLexical
	}
	y, _ := strconv.Atoi(d)
	if neg {
		y = -y
	}
	return y, nil
}

func (p *dp) num2(lo, hi int) (int, error) {
	if p.i+2 > len(p.s) {
		return 0, errLexical
	}
	d := p.s[p.i : p.i+2]
	if d[0] < '0' || d[0] > '9' || d[1] < '0' || d[1] > '9' {
		return 0, errLexical
	}
	p.i += 2
	n := int(d[0]-'0')*10 + int(d[1]-'0')
	if n < lo || n > hi {
		return 0, errLexical
	}
	return n, nil
}

func (p *dp) clock() (h, m, s, ns int, err error) {
	if h, err = p.num2(0, 24); err != nil {
		return
	}
	if !p.lit(':') {
		return 0, 0, 0, 0, errLexical
	}
	if m, err = p.num2(0, 59); err != nil {
		return
	}
	if !p.lit(':') {
		return 0, 0, 0, 0, errLexical
	}
	if s, err = p.num2(0, 59); err != nil {
		return
	}
	frac := ""
	if p.lit('.') {
		if frac = p.digits(); frac == "" {
			return 0, 0, 0, 0, errLexical
		}
	}
	if h == 24 && (m != 0 || s != 0 || strings.Trim(frac, "0") != "") {
		return 0, 0, 0, 0, errLexical
	}
	if len(frac) > 9 {
		frac = frac[:9]
	}
	if frac != "" {
		ns, _ = strconv.Atoi(frac + strings.Repeat("0", 9-len(frac)))
	}
	return h, m, s, ns, nil
}

func (p *dp) zone() (*time.Location, error) {
	if p.lit('Z') {
		return time.UTC, nil
	}
	if p.i == len(p.s) {
		return time.UTC, nil
	}
	sign := 1
	switch {
	case p.lit('+'):
	case p.lit('-'):
		sign = -1
	default:
		return nil, errLexical
	}
	h, err := p.num2(0, 14)
	if err != nil || !p.lit(':') {
		return nil, errLexical
	}
	m, err := p.num2(0, 59)
	if err != nil || h == 14 && m != 0 {
		return nil, errLexical
	}
	return time.FixedZone("", sign*(h*3600+m*60)), nil
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// checkDuration reads an xs:duration: -?P(nY)?(nM)?(nD)?(T(nH)?(nM)?(n(.n)?S)?)?
// with at least one part, and a T only before a time part.
func checkDuration(s string) error {
	p := &dp{s: s}
	p.lit('-')
	if !p.lit('P') {
		return errLexical
	}
	parts := 0
	for _, u := range []byte{'Y', 'M', 'D'} {
		save := p.i
		if d := p.digits(); d != "" && p.lit(u) {
			parts++
		} else {
			p.i = save
		}
	}
	if p.lit('T') {
		tparts := 0
		for _, u := range []byte{'H', 'M', 'S'} {
			save := p.i
			d := p.digits()
			if d != "" && u == 'S' && p.lit('.') && p.digits() == "" {
				return errLexical
			}
			if d != "" && p.lit(u) {
				tparts++
			} else {
				p.i = save
			}
		}
		if tparts == 0 {
			return errLexical
		}
		parts += tparts
	}
	if parts == 0 || p.i != len(s) {
		return errLexical
	}
	return nil
}

// dateKindOfLimit guesses the type of a formatMinimum-style bound from its
// own lexical form.
func dateKindOfLimit(s string) (dateKind, bool) {
	for _, k := range []dateKind{kDateTime, kDate, kTime, kGYearMonth, kGYear, kGMonthDay, kGDay, kGMonth} {
		if _, err := parseDate(s, k); err == nil {
			return k, true
		}
	}
	return 0, false
}
