// SPDX-License-Identifier: MIT

package xmlscan

import (
	"errors"
	"fmt"
	"io"
)

// ErrDirective marks a "<!…" directive such as a DOCTYPE; SyntaxError.Msg
// then holds its first word.
var ErrDirective = errors.New("xmlscan: directive")

// SyntaxError is a well-formedness error at a line and column (bytes, from
// 1) of the input.
type SyntaxError struct {
	Msg       string
	Line, Col int
	// Err is ErrDirective for a directive, else nil.
	Err error
}

// Error implements error.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

// Unwrap returns Err.
func (e *SyntaxError) Unwrap() error { return e.Err }

// syntax fails at offset i of the buffer; the error is sticky.
func (s *Scanner) syntax(i int, msg string) error {
	if i > s.end {
		i = s.end
	}
	s.pos = i
	line, col := s.Pos()
	s.err = &SyntaxError{Msg: msg, Line: line, Col: col}
	return s.err
}

// eof fails at the end of the input inside a construct, or with the reader's
// own error.
func (s *Scanner) eof(i int) error {
	if s.rerr != nil && !errors.Is(s.rerr, io.EOF) {
		s.err = s.rerr
		return s.err
	}
	return s.syntax(i, "unexpected EOF")
}
