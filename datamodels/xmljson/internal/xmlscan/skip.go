// SPDX-License-Identifier: MIT

package xmlscan

import (
	"bytes"
	"fmt"
	"strings"
)

// skipComment skips "<!--…-->"; "--" may not occur inside.
func (s *Scanner) skipComment() error {
	i := s.pos + 3
	if c, ok := s.at(i); !ok {
		return s.eof(i)
	} else if c != '-' {
		return s.syntax(i, "invalid sequence <!- not part of <!--")
	}
	for i++; ; i++ {
		if i >= s.end && !s.fill(i) {
			return s.eof(i)
		}
		k := bytes.IndexByte(s.buf[i:s.end], '-')
		if k < 0 {
			i = s.end - 1
			continue
		}
		i += k
		c, ok := s.at(i + 1)
		if !ok {
			return s.eof(i + 1)
		}
		if c != '-' {
			continue
		}
		if c, ok = s.at(i + 2); !ok {
			return s.eof(i + 2)
		}
		if c != '>' {
			return s.syntax(i, `invalid sequence "--" not allowed in comments`)
		}
		s.pos = i + 3
		return nil
	}
}

// skipPI skips a processing instruction "<?target …?>" and checks the XML
// declaration.
func (s *Scanner) skipPI() error {
	i := s.pos + 2
	end, ok, err := s.readName(i)
	if err != nil {
		return err
	}
	if !ok {
		return s.syntax(i, "expected target name after <?")
	}
	j := end
	for ; ; j++ {
		c, ok := s.at(j)
		if !ok {
			return s.eof(j)
		}
		if c == '>' && j-1 >= end && s.buf[j-1] == '?' {
			break
		}
	}
	if string(s.buf[i:end]) == "xml" {
		if s.root {
			return s.syntax(i, "XML declaration after the start of the document")
		}
		body := string(s.buf[end : j-1])
		if v := procInst("version", body); v != "" && v != "1.0" {
			return s.syntax(i, fmt.Sprintf("unsupported version %q; only version 1.0 is supported", v))
		}
		if enc := procInst("encoding", body); enc != "" && !strings.EqualFold(enc, "utf-8") {
			if s.Encoding == nil {
				return s.syntax(i, fmt.Sprintf("encoding %q declared; only UTF-8 is read", enc))
			}
			if err := s.Encoding(enc); err != nil {
				s.pos = j + 1
				s.err = err
				return err
			}
		}
	}
	s.pos = j + 1
	return nil
}

// procInst reads param="value" from the body of an XML declaration the way
// encoding/xml does (no space around "=").
func procInst(param, s string) string {
	param += "="
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || len(param)+k >= len(sub) {
			return ""
		}
		i += len(param) + k + 1
		if c := sub[len(param)+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// directive refuses "<!…" other than comments and CDATA, naming its first
// word.
func (s *Scanner) directive() error {
	i := s.pos + 2
	j := i
	for j-i < 20 {
		c, ok := s.at(j)
		if !ok || isSpace(c) || c == '>' || c == '[' {
			break
		}
		j++
	}
	word := string(s.buf[i:j])
	s.syntax(s.pos, word)
	s.err.(*SyntaxError).Err = ErrDirective
	return s.err
}
