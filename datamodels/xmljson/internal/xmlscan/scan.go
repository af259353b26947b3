// SPDX-License-Identifier: MIT

package xmlscan

import (
	"bytes"
	"errors"
	"io"
)

// Kind is the kind of a token.
type Kind uint8

// Token kinds.
const (
	None Kind = iota
	// StartElement is a start tag or an empty-element tag: Name, Attrs.
	StartElement
	// EndElement is an end tag, or the end of an empty-element tag: Name.
	EndElement
	// Text is character data or a CDATA section: Text.
	Text
)

// Name is a raw XML name split at its colon: Prefix is empty for an
// unprefixed name (and, as in encoding/xml, for ":a" and "a:", whose Local
// is the whole name).
type Name struct {
	Prefix, Local []byte
}

// Attr is an attribute of a start tag with its value decoded.
type Attr struct {
	Name  Name
	Value []byte
}

// Scanner reads XML tokens from a stream. Create it with New.
type Scanner struct {
	// Encoding, if set, is asked about the encoding the XML declaration
	// names, other than UTF-8; an error refuses the document. By default
	// every other encoding is refused: the caller transcodes before the
	// scanner and says which label it transcoded.
	Encoding func(label string) error

	r    io.Reader
	rerr error // io.EOF or the reader's error, once seen
	buf  []byte
	pos  int // next byte to read in buf
	end  int // end of the data in buf
	base int // bytes discarded before buf[0]
	zero int // reads that returned nothing

	err  error // sticky error
	kind Kind
	name Name
	attr []Attr
	aoff []attrOff
	text []byte
	tmp  []byte // decoded text and attribute values

	open      []byte // raw names of the open elements, concatenated
	openEnd   []int
	closeNext bool // an empty-element tag was read: its end comes next
	root      bool // the root element has started

	line       int // line at lineOff (from 1)
	lineOff    int // buf offset up to which lines are counted
	lineStart  int // buf offset where that line starts (may be < 0)
	line0      int // line and line start at buf[0], to count again from there
	lineStart0 int
}

// attrOff locates an attribute in buf while its start tag is being read
// (the buffer may move); values decoded into tmp have inTmp.
type attrOff struct {
	n      nameOff
	v0, v1 int
	inTmp  bool
}

// New returns a scanner reading r.
func New(r io.Reader) *Scanner {
	return &Scanner{r: r, buf: make([]byte, 0, 32<<10), line: 1, line0: 1}
}

// Pos is the line and column (in bytes, from 1) after the current token.
func (s *Scanner) Pos() (line, col int) {
	if s.pos < s.lineOff {
		s.line, s.lineOff, s.lineStart = s.line0, 0, s.lineStart0
	}
	seg := s.buf[s.lineOff:s.pos]
	if n := bytes.Count(seg, []byte{'\n'}); n > 0 {
		s.line += n
		s.lineStart = s.lineOff + bytes.LastIndexByte(seg, '\n') + 1
	}
	s.lineOff = s.pos
	return s.line, s.pos - s.lineStart + 1
}

// Next reads the next token. It returns io.EOF after a well-formed
// document, a *SyntaxError for malformed input, and the reader's errors.
func (s *Scanner) Next() (Kind, error) {
	if s.err != nil {
		return None, s.err
	}
	if s.closeNext {
		s.closeNext = false
		s.kind = EndElement
		s.pop()
		return EndElement, nil
	}
	s.compact()
	for {
		c, ok := s.at(s.pos)
		if !ok {
			return None, s.atEOF()
		}
		if c != '<' {
			return s.scanText()
		}
		c, ok = s.at(s.pos + 1)
		if !ok {
			return None, s.eof(s.pos + 1)
		}
		var err error
		switch c {
		case '/':
			return s.scanEnd()
		case '?':
			err = s.skipPI()
		case '!':
			c, ok = s.at(s.pos + 2)
			switch {
			case !ok:
				return None, s.eof(s.pos + 2)
			case c == '-':
				err = s.skipComment()
			case c == '[':
				return s.scanCDATA()
			default:
				return None, s.directive()
			}
		default:
			return s.scanStart()
		}
		if err != nil {
			return None, err
		}
	}
}

func (s *Scanner) atEOF() error {
	if !errors.Is(s.rerr, io.EOF) {
		s.err = s.rerr
		return s.err
	}
	switch {
	case len(s.openEnd) > 0:
		return s.syntax(s.pos, "document ends inside an element")
	case !s.root:
		return s.syntax(s.pos, "no root element")
	}
	s.err = io.EOF
	return io.EOF
}

// Name is the name of the current StartElement or EndElement.
func (s *Scanner) Name() Name { return s.name }

// Attrs are the attributes of the current StartElement.
func (s *Scanner) Attrs() []Attr { return s.attr }

// Text is the character data of the current Text token.
func (s *Scanner) Text() []byte { return s.text }

// at returns buf[i], reading more input when needed.
func (s *Scanner) at(i int) (byte, bool) {
	if i < s.end || s.fill(i) {
		return s.buf[i], true
	}
	return 0, false
}

// fill reads until buf holds offset i; it grows buf but never moves data
// within it, so offsets taken during a token stay valid.
func (s *Scanner) fill(i int) bool {
	for s.end <= i {
		if s.rerr != nil {
			return false
		}
		if s.end == cap(s.buf) {
			nb := make([]byte, s.end, 2*cap(s.buf))
			copy(nb, s.buf[:s.end])
			s.buf = nb
		}
		n, err := s.r.Read(s.buf[s.end:cap(s.buf)])
		s.end += n
		s.buf = s.buf[:s.end]
		switch {
		case err != nil:
			s.rerr = err
		case n == 0:
			if s.zero++; s.zero > 100 {
				s.rerr = io.ErrNoProgress
			}
		}
	}
	return true
}

// compact drops the consumed half of the buffer between tokens.
func (s *Scanner) compact() {
	if s.pos < cap(s.buf)/2 || s.pos == 0 {
		return
	}
	s.Pos() // count the lines being dropped
	k := s.pos
	s.end = copy(s.buf, s.buf[k:s.end])
	s.buf = s.buf[:s.end]
	s.base += k
	s.pos, s.lineOff, s.lineStart = 0, 0, s.lineStart-k
	s.line0, s.lineStart0 = s.line, s.lineStart
}
