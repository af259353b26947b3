// SPDX-License-Identifier: MIT

package xmljson

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// errTooLarge marks the limited reader's refusal; the decoder passes it up.
var errTooLarge = errors.New("input too large")

// limitedReader fails once more than n bytes have been read, so a huge
// instance stops at the limit instead of being read to its end.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	if l.n < 0 {
		return k, errTooLarge
	}
	return k, err
}

// input is the byte stream the scanner reads: limited, without a
// byte-order mark, transcoded to UTF-8 when it is UTF-16 (with a byte-order
// mark) or the XML declaration names Latin-1 or windows-1252.
type input struct {
	r     io.Reader
	label string // the declared encoding the stream was read as, "" for UTF-8
}

// accept answers the scanner about the encoding the declaration names.
func (in *input) accept(label string) error {
	if in.label != "" && strings.EqualFold(label, in.label) {
		return nil
	}
	switch strings.ToLower(label) {
	case "utf8", "us-ascii", "ascii":
		return nil
	}
	return fmt.Errorf("%w: encoding %q is not supported", ErrSyntax, label)
}

// isUTF16 reports whether label names UTF-16 in any of its usual spellings.
func isUTF16(label string) bool {
	switch strings.ToLower(label) {
	case "utf-16", "utf16", "utf-16le", "utf-16be", "unicode", "ucs-2":
		return true
	}
	return false
}

// prepare limits the input and strips a UTF-8 byte-order mark. UTF-16 that
// starts with its byte-order mark is transcoded to UTF-8, as Altinn's apps
// read it; UTF-16 without one is refused. A declaration of UTF-16 on a
// document whose bytes are single-byte (what .NET's XmlSerializer writes
// through a StringWriter, then sent as UTF-8) is read as UTF-8, as Altinn's
// apps read it too.
func prepare(r io.Reader, max int64) (*input, error) {
	br := bufio.NewReaderSize(&limitedReader{r: r, n: max}, 16<<10)
	head, _ := br.Peek(4)
	in := &input{r: br}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		_, _ = br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		order := unicode.LittleEndian
		if head[0] == 0xFE {
			order = unicode.BigEndian
		}
		dec := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), 16<<10)
		in.r = br
		head, _ = br.Peek(1024)
		if label := declaredEncoding(head); label != "" && !isUTF16(label) {
			return nil, fmt.Errorf("%w: the document is UTF-16 but declares encoding %q", ErrSyntax, label)
		} else if label != "" {
			in.label = label
		}
		return in, nil
	case bytes.HasPrefix(head, []byte{'<', 0}), bytes.HasPrefix(head, []byte{0, '<'}):
		return nil, fmt.Errorf("%w: UTF-16 input without a byte-order mark; send UTF-8 (or UTF-16 starting with its byte-order mark)", ErrSyntax)
	}
	head, _ = br.Peek(1024)
	label := declaredEncoding(head)
	switch {
	case label == "":
		return in, nil
	case isUTF16(label):
		in.label = label // the bytes are not UTF-16: a StringWriter's declaration
		return in, nil
	}
	switch strings.ToLower(label) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return in, nil
	}
	// The declaration is ASCII, so transcoding it too changes nothing.
	tr, err := charsetReader(label, br)
	if err != nil {
		return nil, err
	}
	in.r, in.label = tr, label
	return in, nil
}

// declaredEncoding is the encoding named by an XML declaration at the start
// of head, "" when there is none.
func declaredEncoding(head []byte) string {
	if !bytes.HasPrefix(head, []byte("<?xml")) || len(head) < 6 || !isXMLSpace(rune(head[5])) {
		return ""
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return ""
	}
	body := string(head[5:end])
	i := strings.Index(body, "encoding=")
	if i < 0 || i+len("encoding=") >= len(body) {
		return ""
	}
	rest := body[i+len("encoding="):]
	q := rest[0]
	if q != '"' && q != '\'' {
		return ""
	}
	j := strings.IndexByte(rest[1:], q)
	if j < 0 {
		return ""
	}
	return rest[1 : 1+j]
}

// cp1252 spells the bytes 0x80–0x9F of windows-1252; the rest equals Latin-1.
const cp1252 = "\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178"

var cp1252Runes = []rune(cp1252)

// charsetReader serves encoding/xml for declared encodings other than UTF-8.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	if isUTF16(label) { // encoding/xml read the declaration, so the bytes are not UTF-16
		return in, nil
	}
	switch strings.ToLower(label) {
	case "utf8", "us-ascii", "ascii":
		return in, nil
	case "iso-8859-1", "latin1", "latin-1", "iso_8859-1", "l1":
		return &singleByte{r: bufio.NewReader(in)}, nil
	case "windows-1252", "cp1252":
		return &singleByte{r: bufio.NewReader(in), win: true}, nil
	}
	return nil, fmt.Errorf("%w: encoding %q is not supported", ErrSyntax, label)
}

// singleByte transcodes Latin-1 or windows-1252 to UTF-8 as it streams.
type singleByte struct {
	r   *bufio.Reader
	win bool
}

func (s *singleByte) Read(p []byte) (int, error) {
	n := 0
	for n+utf8.UTFMax <= len(p) {
		c, err := s.r.ReadByte()
		if err != nil {
			if n > 0 && err == io.EOF {
				return n, nil
			}
			return n, err
		}
		r := rune(c)
		if s.win && c >= 0x80 && c <= 0x9F {
			r = cp1252Runes[c-0x80]
		}
		n += utf8.EncodeRune(p[n:], r)
	}
	return n, nil
}
