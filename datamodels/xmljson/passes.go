// SPDX-License-Identifier: MIT

package xmljson

// passesOK reports whether occurrences of the members of one repeating
// sequence, in document order, form whole passes through it: each pass
// takes the members in schema order, each between its own minOccurs and
// maxOccurs (PassMin, PassMax). The dialect keeps those per-pass occurs in
// @xsdMinOccurs/@xsdMaxOccurs, while the JSON arrays only hold the totals.
// Matching is greedy, which is exact for schemas obeying XSD's Unique
// Particle Attribution rule.
func passesOK(order []*Member, group []*Member) bool {
	pos := func(m *Member) int {
		for i, g := range group {
			if g == m {
				return i
			}
		}
		return -1
	}
	// zeroMins reports whether members from..to-1 may all be absent.
	zeroMins := func(from, to int) bool {
		for k := from; k < to; k++ {
			if group[k].PassMin > 0 {
				return false
			}
		}
		return true
	}
	cur, count := -1, 0
	for _, m := range order {
		j := pos(m)
		if j < 0 {
			return false
		}
		switch {
		case cur >= 0 && j == cur && (group[j].PassMax == Unbounded || count < group[j].PassMax):
			count++
		case cur >= 0 && j > cur:
			if count < group[cur].PassMin || !zeroMins(cur+1, j) {
				return false
			}
			cur, count = j, 1
		default:
			// A new pass.
			if cur >= 0 && (count < group[cur].PassMin || !zeroMins(cur+1, len(group))) {
				return false
			}
			if !zeroMins(0, j) {
				return false
			}
			cur, count = j, 1
		}
	}
	if cur < 0 {
		return true
	}
	return count >= group[cur].PassMin && zeroMins(cur+1, len(group))
}

// groupMembers returns the element members of repeating sequence g.
func (t *Type) groupMembers(g int) []*Member {
	var out []*Member
	for _, m := range t.Members {
		if m.group == g && !m.Attribute && !m.Text {
			out = append(out, m)
		}
	}
	return out
}

// interleave is the order WriteXML writes a repeating sequence's members
// in, given how many items each has: each pass takes up to PassMax items
// of each member, in schema order.
func interleave(group []*Member, count func(*Member) int) []*Member {
	passes := 0
	for _, m := range group {
		passes = max(passes, count(m))
	}
	left := make([]int, len(group))
	for i, m := range group {
		left[i] = count(m)
	}
	var out []*Member
	for range passes {
		for i, m := range group {
			take := left[i]
			if m.PassMax != Unbounded && m.PassMax > 0 {
				take = min(take, m.PassMax)
			}
			for range take {
				out = append(out, m)
			}
			left[i] -= take
		}
	}
	return out
}
