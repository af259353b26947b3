// SPDX-License-Identifier: MIT

package xmljson

import "unsafe"

// arenaChunk is the size of the blocks strArena carves strings from.
const arenaChunk = 8 << 10

// strArena makes the strings of scalar values out of large blocks: one
// allocation per block instead of one per value, which is most of a
// document's values. Bytes are only appended to a block, never changed
// after a string was cut from them, so the strings stay immutable. A block
// lives as long as any string cut from it; the strings of one document
// are kept together anyway.
type strArena struct{ buf []byte }

// str returns b as a string.
func (a *strArena) str(b []byte) string {
	switch {
	case len(b) == 0:
		return ""
	case len(b) > arenaChunk/4:
		return string(b)
	case cap(a.buf)-len(a.buf) < len(b):
		a.buf = make([]byte, 0, arenaChunk)
	}
	start := len(a.buf)
	a.buf = append(a.buf, b...)
	return unsafe.String(&a.buf[start], len(b))
}
