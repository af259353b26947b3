// SPDX-License-Identifier: MIT

package xmlscan

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Modes of chars: character data, attribute values in either quote, CDATA.
const (
	mText = iota
	mQuot
	mApos
	mCDATA
)

// special marks, per mode, the bytes the fast loop of chars stops at.
var special = func() (t [4][256]bool) {
	for m := range t {
		for c := 0; c < 0x20; c++ {
			t[m][c] = c != '\t' && c != '\n'
		}
		for c := 0x80; c < 0x100; c++ {
			t[m][c] = true
		}
		t[m]['\r'] = true
	}
	for _, m := range []int{mText, mQuot, mApos} {
		t[m]['<'], t[m]['&'] = true, true
	}
	t[mText]['>'], t[mCDATA]['>'] = true, true
	t[mQuot]['"'], t[mApos]['\''] = true, true
	return t
}()

// chars reads character data from start: up to "<" or the end of input
// (mText), the closing quote (mQuot, mApos) or "]]>" (mCDATA, stop is then
// the offset of ">"). The value is buf[start:stop] when plain (minus "]]"
// for CDATA), else tmp[t0:], where entities and line ends were decoded.
func (s *Scanner) chars(start, mode int) (stop, t0 int, plain bool, err error) {
	tab := &special[mode]
	i, t0, plain := start, len(s.tmp), true
	unplain := func() {
		if plain {
			plain = false
			s.tmp = append(s.tmp, s.buf[start:i]...)
		}
	}
	for {
		r0 := i
		for i < s.end && !tab[s.buf[i]] {
			i++
		}
		if !plain {
			s.tmp = append(s.tmp, s.buf[r0:i]...)
		}
		if i >= s.end {
			if s.fill(i) {
				continue
			}
			switch {
			case !errors.Is(s.rerr, io.EOF):
			case mode == mText:
				return i, t0, plain, nil
			case mode == mCDATA:
				return i, t0, plain, s.syntax(i, "unexpected EOF in CDATA section")
			}
			return i, t0, plain, s.eof(i)
		}
		switch c := s.buf[i]; {
		case c == '<':
			if mode == mText {
				return i, t0, plain, nil
			}
			return i, t0, plain, s.syntax(i, "unescaped < inside quoted string")
		case c == '"' && mode == mQuot, c == '\'' && mode == mApos:
			return i, t0, plain, nil
		case c == '>':
			if i-2 >= start && s.buf[i-1] == ']' && s.buf[i-2] == ']' {
				if mode == mText {
					return i, t0, plain, s.syntax(i, "unescaped ]]> not in CDATA section")
				}
				if !plain {
					s.tmp = s.tmp[:len(s.tmp)-2]
				}
				return i, t0, plain, nil
			}
			if !plain {
				s.tmp = append(s.tmp, c)
			}
			i++
		case c == '&':
			unplain()
			if i, err = s.entity(i); err != nil {
				return i, t0, plain, err
			}
		case c == '\r':
			unplain()
			s.tmp = append(s.tmp, '\n')
			if c, ok := s.at(i + 1); ok && c == '\n' {
				i++
			}
			i++
		case c < utf8.RuneSelf:
			return i, t0, plain, s.syntax(i, fmt.Sprintf("illegal character code %U", rune(c)))
		default:
			if i+utf8.UTFMax > s.end {
				s.fill(i + utf8.UTFMax - 1)
			}
			r, n := utf8.DecodeRune(s.buf[i:s.end])
			if r == utf8.RuneError && n == 1 {
				return i, t0, plain, s.syntax(i, "invalid UTF-8")
			}
			if !isChar(r) {
				return i, t0, plain, s.syntax(i, fmt.Sprintf("illegal character code %U", r))
			}
			if !plain {
				s.tmp = append(s.tmp, s.buf[i:i+n]...)
			}
			i += n
		}
	}
}

// entity decodes the reference at buf[i] == '&' into tmp: one of the five
// predefined entities or a character reference. It returns the offset after
// the ";".
func (s *Scanner) entity(i int) (int, error) {
	bad := func(j int, semi bool) (int, error) {
		e := string(s.buf[i:min(j, s.end)])
		if semi {
			e += ";"
		} else {
			e += " (no semicolon)"
		}
		return j, s.syntax(i, "invalid character entity "+e)
	}
	j := i + 1
	c, ok := s.at(j)
	if !ok {
		return j, s.eof(j)
	}
	if c == '#' {
		base := uint64(10)
		j++
		if c, ok = s.at(j); ok && c == 'x' {
			base = 16
			j++
		}
		d0, n := j, uint64(0)
		for {
			if c, ok = s.at(j); !ok {
				return j, s.eof(j)
			}
			var d uint64
			switch {
			case c >= '0' && c <= '9':
				d = uint64(c - '0')
			case base == 16 && c >= 'a' && c <= 'f':
				d = uint64(c-'a') + 10
			case base == 16 && c >= 'A' && c <= 'F':
				d = uint64(c-'A') + 10
			default:
				d = 99
			}
			if d == 99 {
				break
			}
			if n <= utf8.MaxRune {
				n = n*base + d
			}
			j++
		}
		if c != ';' {
			return bad(j, false)
		}
		if j == d0 || n > utf8.MaxRune {
			return bad(j, true)
		}
		if !isChar(rune(n)) {
			return j, s.syntax(i, fmt.Sprintf("illegal character code %U", rune(n)))
		}
		s.tmp = utf8.AppendRune(s.tmp, rune(n))
		return j + 1, nil
	}
	if c < utf8.RuneSelf && nameByte[c] == 0 {
		if c != ';' {
			return bad(j, false)
		}
		return bad(j, true)
	}
	for {
		if c, ok = s.at(j); !ok {
			return j, s.eof(j)
		}
		if c < utf8.RuneSelf && nameByte[c] == 0 {
			break
		}
		j++
	}
	if c != ';' {
		return bad(j, false)
	}
	var r byte
	switch string(s.buf[i+1 : j]) {
	case "lt":
		r = '<'
	case "gt":
		r = '>'
	case "amp":
		r = '&'
	case "apos":
		r = '\''
	case "quot":
		r = '"'
	default:
		return bad(j, true)
	}
	s.tmp = append(s.tmp, r)
	return j + 1, nil
}

func (s *Scanner) scanText() (Kind, error) {
	s.tmp = s.tmp[:0]
	start := s.pos
	stop, t0, plain, err := s.chars(start, mText)
	if err != nil {
		return None, err
	}
	s.pos = stop
	s.text = s.buf[start:stop]
	if !plain {
		s.text = s.tmp[t0:]
	}
	s.kind = Text
	return Text, nil
}

func (s *Scanner) scanCDATA() (Kind, error) {
	i := s.pos + 3
	for k := 0; k < len("CDATA["); k++ {
		c, ok := s.at(i + k)
		if !ok {
			return None, s.eof(i + k)
		}
		if c != "CDATA["[k] {
			return None, s.syntax(i+k, "invalid <![ sequence")
		}
	}
	start := i + len("CDATA[")
	s.tmp = s.tmp[:0]
	stop, t0, plain, err := s.chars(start, mCDATA)
	if err != nil {
		return None, err
	}
	s.pos = stop + 1
	s.text = s.buf[start : stop-2]
	if !plain {
		s.text = s.tmp[t0:]
	}
	s.kind = Text
	return Text, nil
}
