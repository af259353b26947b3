// SPDX-License-Identifier: MIT

package render

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"
)

// mdOptions tune markdown.
type mdOptions struct {
	// inline renders phrasing content only (for labels, legends, buttons):
	// block syntax stays text and line breaks become <br>.
	inline bool
	// heading maps a Markdown heading level (1–6) to the HTML level to
	// write, so text headings follow the page's heading order; nil writes
	// headings as strong paragraphs.
	heading func(level int) int
}

// maxMarkdown caps the text rendered as Markdown; longer texts are shown
// escaped, so hostile input cannot make rendering slow.
const maxMarkdown = 64 << 10

// maxInlineDepth bounds nested emphasis.
const maxInlineDepth = 16

// markdown renders a text as a safe subset of Markdown: paragraphs, line
// breaks, headings, bulleted and numbered lists, emphasis, strong and links
// to http(s), mailto and relative URLs. Texts written for Altinn also use a
// few HTML tags; <br>, <b>, <strong>, <i> and <em> are understood when they
// carry no attributes. Everything else is escaped, so no markup from a text
// ever reaches the page.
func markdown(s string, opt mdOptions) template.HTML {
	if s == "" {
		return ""
	}
	w := &mdWriter{opt: opt}
	if len(s) > maxMarkdown {
		w.text(s)
		return template.HTML(w.b.String())
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if opt.inline {
		w.inline(strings.TrimSpace(s), 0)
		return template.HTML(w.b.String())
	}
	w.blocks(strings.Split(s, "\n"))
	return template.HTML(w.b.String())
}

type mdWriter struct {
	b   strings.Builder
	opt mdOptions
}

// memo remembers, for one inline string, delimiters with no closer after
// some position; none appears later either, so the search is not repeated
// and inline rendering stays linear.
type memo map[string]int

func (w *mdWriter) text(s string) { w.b.WriteString(template.HTMLEscapeString(s)) }

func (w *mdWriter) blocks(lines []string) {
	for i := 0; i < len(lines); {
		line := lines[i]
		switch {
		case strings.TrimSpace(line) == "":
			i++
		case headingLevel(line) > 0:
			w.heading(line)
			i++
		case listMarker(line) != "":
			i = w.list(lines, i)
		default:
			j := i
			for j < len(lines) && strings.TrimSpace(lines[j]) != "" && (j == i || (headingLevel(lines[j]) == 0 && listMarker(lines[j]) == "")) {
				j++
			}
			w.b.WriteString("<p>")
			w.inline(strings.TrimSpace(strings.Join(lines[i:j], "\n")), 0)
			w.b.WriteString("</p>")
			i = j
		}
	}
}

// headingLevel returns the level of an ATX heading line, or 0.
func headingLevel(line string) int {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return 0
	}
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ' && t[n] != '\t') {
		return 0
	}
	return n
}

func (w *mdWriter) heading(line string) {
	t := strings.TrimLeft(line, " ")
	n := headingLevel(line)
	body := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t[n:]), "#"))
	if w.opt.heading == nil {
		w.b.WriteString("<p><strong>")
		w.inline(body, 0)
		w.b.WriteString("</strong></p>")
		return
	}
	h := strconv.Itoa(min(max(w.opt.heading(n), 1), 6))
	w.b.WriteString("<h" + h + ">")
	w.inline(body, 0)
	w.b.WriteString("</h" + h + ">")
}

// listMarker returns "ul" or "ol" when line starts a list item.
func listMarker(line string) string {
	_, kind := listItem(line)
	return kind
}

// listItem splits a list item line into its text and kind.
func listItem(line string) (string, string) {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 2 {
		return "", ""
	}
	if (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t') {
		return strings.TrimSpace(t[2:]), "ul"
	}
	n := 0
	for n < len(t) && n < 9 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n > 0 && n+1 < len(t) && (t[n] == '.' || t[n] == ')') && (t[n+1] == ' ' || t[n+1] == '\t') {
		return strings.TrimSpace(t[n+2:]), "ol"
	}
	return "", ""
}

// list writes the list starting at lines[i] and returns the next line.
func (w *mdWriter) list(lines []string, i int) int {
	_, kind := listItem(lines[i])
	w.b.WriteString("<" + kind + ">")
	for i < len(lines) {
		text, k := listItem(lines[i])
		if k != kind {
			break
		}
		i++
		// Indented lines continue the item.
		for i < len(lines) && strings.HasPrefix(lines[i], "  ") && strings.TrimSpace(lines[i]) != "" && listMarker(lines[i]) == "" {
			text += "\n" + strings.TrimSpace(lines[i])
			i++
		}
		w.b.WriteString("<li>")
		w.inline(text, 0)
		w.b.WriteString("</li>")
	}
	w.b.WriteString("</" + kind + ">")
	return i
}

// inline writes phrasing content.
func (w *mdWriter) inline(s string, depth int) {
	m := memo{}
	start := 0
	flush := func(i int) {
		if i > start {
			w.text(s[start:i])
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isPunct(s[i+1]):
			flush(i)
			w.text(s[i+1 : i+2])
			i += 2
			start = i
			continue
		case c == '\n':
			flush(i)
			w.b.WriteString("<br>")
			i++
			start = i
			continue
		case (c == '*' || c == '_' || c == '[') && depth < maxInlineDepth, c == '<':
			// Flushing first is harmless when no markup follows, and keeps
			// the output in order when some does.
			flush(i)
			start = i
			var n int
			switch c {
			case '[':
				n = w.link(s, i, depth, m)
			case '<':
				n = w.tag(s, i, depth, m)
			default:
				n = w.emphasis(s, i, depth, m)
			}
			if n > 0 {
				i += n
				start = i
				continue
			}
		}
		i++
	}
	flush(len(s))
}

func isPunct(c byte) bool { return strings.IndexByte("\\`*_{}[]()#+-.!<>|~\"'", c) >= 0 }

// closer finds delim in s after from, remembering failures.
func (m memo) closer(s, delim string, from int) int {
	if p, ok := m[delim]; ok && from >= p {
		return -1
	}
	j := strings.Index(s[from:], delim)
	if j < 0 {
		m[delim] = from
		return -1
	}
	return from + j
}

// emphasis writes *em*, _em_, **strong** or __strong__ starting at s[i] and
// returns the bytes consumed, or 0 when there is none.
func (w *mdWriter) emphasis(s string, i, depth int, m memo) int {
	c := s[i]
	n := 1
	if i+1 < len(s) && s[i+1] == c {
		n = 2
	}
	if c == '_' && i > 0 && isWord(s[i-1]) {
		return 0 // snake_case stays as written
	}
	delim := s[i : i+n]
	from := i + n
	if from >= len(s) || s[from] == ' ' || s[from] == '\n' {
		return 0
	}
	j := m.closer(s, delim, from)
	if j <= from || s[j-1] == ' ' || (c == '_' && j+n < len(s) && isWord(s[j+n])) {
		return 0
	}
	tag := "em"
	if n == 2 {
		tag = "strong"
	}
	w.b.WriteString("<" + tag + ">")
	w.inline(s[from:j], depth+1)
	w.b.WriteString("</" + tag + ">")
	return j + n - i
}

func isWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// link writes [text](url) starting at s[i]; unsafe URLs keep only the text.
func (w *mdWriter) link(s string, i, depth int, m memo) int {
	mid := m.closer(s, "](", i+1)
	if mid < 0 {
		return 0
	}
	end := m.closer(s, ")", mid+2)
	if end < 0 {
		return 0
	}
	text, href := s[i+1:mid], strings.TrimSpace(s[mid+2:end])
	if strings.ContainsAny(text, "[]") {
		return 0
	}
	if u, ok := safeURL(href); ok {
		w.b.WriteString(`<a href="` + template.HTMLEscapeString(u) + `">`)
		w.inline(text, depth+1)
		w.b.WriteString("</a>")
	} else {
		w.inline(text, depth+1)
	}
	return end + 1 - i
}

// safeURL accepts http, https and mailto URLs and relative references.
func safeURL(s string) (string, bool) {
	if s == "" || strings.ContainsAny(s, " \t\n\r\"'<>\\`") {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto":
	default:
		return "", false
	}
	if u.Scheme == "" && u.Opaque != "" {
		return "", false
	}
	return s, true
}

// htmlTags are the attribute-free tags texts may use, and what they become.
var htmlTags = map[string]string{"b": "strong", "strong": "strong", "i": "em", "em": "em"}

// tag writes an allowed HTML tag starting at s[i] (with its content, for
// paired tags) and returns the bytes consumed, or 0.
func (w *mdWriter) tag(s string, i, depth int, m memo) int {
	end := strings.IndexByte(s[i:], '>')
	if end < 0 || end > 12 {
		return 0
	}
	name := strings.ToLower(strings.TrimSpace(s[i+1 : i+end]))
	switch name {
	case "br", "br/", "br /", "/br":
		w.b.WriteString("<br>")
		return end + 1
	}
	out, ok := htmlTags[name]
	if !ok || depth >= maxInlineDepth {
		return 0
	}
	from := i + end + 1
	j := m.closerFold(s, "</"+name+">", from)
	if j < 0 {
		return 0
	}
	w.b.WriteString("<" + out + ">")
	w.inline(s[from:j], depth+1)
	w.b.WriteString("</" + out + ">")
	return j + len(name) + 3 - i
}

// closerFold is closer for closing tags, whose case may differ.
func (m memo) closerFold(s, delim string, from int) int {
	if j := m.closer(s, delim, from); j >= 0 {
		return j
	}
	key := "fold" + delim
	if p, ok := m[key]; ok && from >= p {
		return -1
	}
	rest := s[from:]
	lower := strings.ToLower(rest)
	j := strings.Index(lower, delim)
	if j < 0 || len(lower) != len(rest) {
		m[key] = from
		return -1
	}
	return from + j
}
