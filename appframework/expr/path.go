// SPDX-License-Identifier: MIT

package expr

import (
	"strconv"
	"strings"
)

// Segment is one step of a data model path: a property name and, for lists,
// an optional index (-1 when the path gives none).
type Segment struct {
	Name  string
	Index int
}

// Path is a parsed data model path such as Bedrifter[1].Ansatte.Navn. Paths are
// relative to the model root, as dataModelBindings are written.
type Path []Segment

// ParsePath parses a dotted path with optional [n] indices. It rejects empty
// segments, negative or malformed indices and anything after an index but a dot.
func ParsePath(s string) (Path, error) {
	if s == "" {
		return nil, errorf("", ErrInvalidArgument, "empty data model path")
	}
	p := make(Path, 0, strings.Count(s, ".")+1)
	for part := range strings.SplitSeq(s, ".") {
		seg := Segment{Name: part, Index: -1}
		if i := strings.IndexByte(part, '['); i >= 0 {
			if !strings.HasSuffix(part, "]") {
				return nil, errorf("", ErrInvalidArgument, "malformed index in data model path %q", s)
			}
			n, err := strconv.Atoi(part[i+1 : len(part)-1])
			if err != nil || n < 0 {
				return nil, errorf("", ErrInvalidArgument, "malformed index in data model path %q", s)
			}
			seg = Segment{Name: part[:i], Index: n}
		}
		if seg.Name == "" {
			return nil, errorf("", ErrInvalidArgument, "empty segment in data model path %q", s)
		}
		p = append(p, seg)
	}
	return p, nil
}

// String writes the path back in dotted form.
func (p Path) String() string {
	var b strings.Builder
	for i, s := range p {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.Name)
		if s.Index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.Index))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// Indices returns the indices in the path, in order.
func (p Path) Indices() []int {
	var out []int
	for _, s := range p {
		if s.Index >= 0 {
			out = append(out, s.Index)
		}
	}
	return out
}

// Transpose gives an unindexed path the row indices of base, the indexed path
// of the repeating-group row an expression runs in. It walks both paths while
// the names agree and copies base's indices; it stops at the first segment that
// differs or that carries its own index, so Bedrifter.Ansatte[0].Alder in row
// Bedrifter[1].Ansatte[3] becomes Bedrifter[1].Ansatte[0].Alder, and
// Bedrifter[0].Ansatte.Alder stays as written.
func (p Path) Transpose(base Path) Path {
	n := 0
	for n < len(p) && n < len(base) && p[n].Name == base[n].Name && p[n].Index < 0 {
		n++
	}
	if n == 0 {
		return p
	}
	changed := false
	for i := range n {
		if base[i].Index >= 0 {
			changed = true
			break
		}
	}
	if !changed {
		return p
	}
	out := make(Path, len(p))
	copy(out, p)
	for i := range n {
		out[i].Index = base[i].Index
	}
	return out
}

// WithIndex returns a copy of p whose last segment has index i.
func (p Path) WithIndex(i int) Path {
	out := make(Path, len(p))
	copy(out, p)
	if len(out) > 0 {
		out[len(out)-1].Index = i
	}
	return out
}
