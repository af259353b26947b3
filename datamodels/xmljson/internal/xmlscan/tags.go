// SPDX-License-Identifier: MIT

package xmlscan

import (
	"bytes"
	"unicode/utf8"
)

// nameOff locates a name in buf: buf[s0:e], with its one colon at colon
// (-1 when there is none or it does not split the name).
type nameOff struct{ s0, colon, e int }

// readName reads the bytes of a name at i, as encoding/xml does: the first
// must be a name byte or non-ASCII, the rest run up to the first ASCII byte
// that is not a name byte. ok is false when there is no name; err reports
// bytes that are not an XML name.
func (s *Scanner) readName(i int) (end int, ok bool, err error) {
	c, ok := s.at(i)
	if !ok {
		return i, false, s.eof(i)
	}
	if c < utf8.RuneSelf && nameByte[c] == 0 {
		return i, false, nil
	}
	ascii := c < utf8.RuneSelf
	j := i + 1
	for {
		if j >= s.end && !s.fill(j) {
			break
		}
		c = s.buf[j]
		if c < utf8.RuneSelf {
			if nameByte[c] == 0 {
				break
			}
		} else {
			ascii = false
		}
		j++
	}
	b := s.buf[i:j]
	if ascii {
		if nameByte[b[0]] != 2 {
			return j, false, s.syntax(i, "invalid XML name: "+string(b))
		}
		return j, true, nil
	}
	for k := 0; k < len(b); {
		r, n := utf8.DecodeRune(b[k:])
		if r == utf8.RuneError && n == 1 || k == 0 && !isNameStart(r) || !isNameChar(r) {
			return j, false, s.syntax(i, "invalid XML name: "+string(b))
		}
		k += n
	}
	return j, true, nil
}

// qname reads a name that may have a prefix. A name with two colons is no
// name (ok false), as in encoding/xml.
func (s *Scanner) qname(i int) (nameOff, bool, error) {
	end, ok, err := s.readName(i)
	if !ok || err != nil {
		return nameOff{}, false, err
	}
	n := nameOff{s0: i, colon: -1, e: end}
	b := s.buf[i:end]
	if k := bytes.IndexByte(b, ':'); k >= 0 {
		if bytes.IndexByte(b[k+1:], ':') >= 0 {
			return n, false, nil
		}
		if k > 0 && k < len(b)-1 {
			n.colon = i + k
		}
	}
	return n, true, nil
}

func (s *Scanner) nameOf(n nameOff) Name {
	if n.colon < 0 {
		return Name{Local: s.buf[n.s0:n.e]}
	}
	return Name{Prefix: s.buf[n.s0:n.colon], Local: s.buf[n.colon+1 : n.e]}
}

// split splits a raw name kept on the open-element stack.
func split(b []byte) Name {
	k := bytes.IndexByte(b, ':')
	if k <= 0 || k == len(b)-1 {
		return Name{Local: b}
	}
	return Name{Prefix: b[:k], Local: b[k+1:]}
}

func (s *Scanner) skipSpace(i int) int {
	for {
		c, ok := s.at(i)
		if !ok || !isSpace(c) {
			return i
		}
		i++
	}
}

func (s *Scanner) scanStart() (Kind, error) {
	i := s.pos + 1
	n, ok, err := s.qname(i)
	if err != nil {
		return None, err
	}
	if !ok {
		return None, s.syntax(i, "expected element name after <")
	}
	if len(s.openEnd) == 0 && s.root {
		return None, s.syntax(i, "a second root element <"+string(s.buf[n.s0:n.e])+">")
	}
	s.tmp, s.aoff = s.tmp[:0], s.aoff[:0]
	i = n.e
	empty := false
	for {
		i = s.skipSpace(i)
		c, ok := s.at(i)
		if !ok {
			return None, s.eof(i)
		}
		if c == '/' {
			if c, ok = s.at(i + 1); !ok {
				return None, s.eof(i + 1)
			}
			if c != '>' {
				return None, s.syntax(i+1, "expected /> in element")
			}
			i, empty = i+2, true
			break
		}
		if c == '>' {
			i++
			break
		}
		if i, err = s.attribute(i); err != nil {
			return None, err
		}
	}
	s.pos = i
	s.name = s.nameOf(n)
	s.attr = s.attr[:0]
	for _, a := range s.aoff {
		v := s.buf[a.v0:a.v1]
		if a.inTmp {
			v = s.tmp[a.v0:a.v1]
		}
		s.attr = append(s.attr, Attr{Name: s.nameOf(a.n), Value: v})
	}
	s.open = append(s.open, s.buf[n.s0:n.e]...)
	s.openEnd = append(s.openEnd, len(s.open))
	s.root, s.closeNext, s.kind = true, empty, StartElement
	return StartElement, nil
}

// attribute reads name="value" at i and returns the offset after it.
func (s *Scanner) attribute(i int) (int, error) {
	an, ok, err := s.qname(i)
	if err != nil {
		return i, err
	}
	if !ok {
		return i, s.syntax(i, "expected attribute name in element")
	}
	i = s.skipSpace(an.e)
	if c, ok := s.at(i); !ok {
		return i, s.eof(i)
	} else if c != '=' {
		return i, s.syntax(i, "attribute name without = in element")
	}
	i = s.skipSpace(i + 1)
	c, ok := s.at(i)
	if !ok {
		return i, s.eof(i)
	}
	mode := mQuot
	switch c {
	case '"':
	case '\'':
		mode = mApos
	default:
		return i, s.syntax(i, "unquoted or missing attribute value in element")
	}
	stop, t0, plain, err := s.chars(i+1, mode)
	if err != nil {
		return i, err
	}
	raw := s.buf[an.s0:an.e]
	for _, b := range s.aoff {
		if bytes.Equal(s.buf[b.n.s0:b.n.e], raw) {
			return i, s.syntax(an.s0, "attribute "+string(raw)+" given twice")
		}
	}
	a := attrOff{n: an, v0: i + 1, v1: stop}
	if !plain {
		a.v0, a.v1, a.inTmp = t0, len(s.tmp), true
	}
	s.aoff = append(s.aoff, a)
	return stop + 1, nil
}

func (s *Scanner) scanEnd() (Kind, error) {
	i := s.pos + 2
	n, ok, err := s.qname(i)
	if err != nil {
		return None, err
	}
	if !ok {
		return None, s.syntax(i, "expected element name after </")
	}
	raw := s.buf[n.s0:n.e]
	i = s.skipSpace(n.e)
	c, ok := s.at(i)
	if !ok {
		return None, s.eof(i)
	}
	if c != '>' {
		return None, s.syntax(i, "invalid characters between </"+string(raw)+" and >")
	}
	k := len(s.openEnd)
	if k == 0 {
		return None, s.syntax(i, "unexpected end element </"+string(raw)+">")
	}
	if top := s.open[s.openStart(k-1):]; !bytes.Equal(top, raw) {
		return None, s.syntax(i, "element <"+string(top)+"> closed by </"+string(raw)+">")
	}
	s.pos = i + 1
	s.kind = EndElement
	s.pop()
	return EndElement, nil
}

func (s *Scanner) openStart(k int) int {
	if k == 0 {
		return 0
	}
	return s.openEnd[k-1]
}

// pop closes the innermost element; Name stays valid until the next token.
func (s *Scanner) pop() {
	k := len(s.openEnd)
	from := s.openStart(k - 1)
	s.name = split(s.open[from:])
	s.open, s.openEnd = s.open[:from], s.openEnd[:k-1]
}
