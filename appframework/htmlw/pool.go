// SPDX-License-Identifier: MIT

package htmlw

import "sync"

// pool recycles Writers between documents: a server prints a page per
// request, and a fresh buffer each time is garbage of the page's size.
var pool = sync.Pool{New: func() any { w := new(Writer); w.Grow(16 << 10); return w }}

// maxPooled bounds the buffer a Writer keeps for the next document.
const maxPooled = 1 << 20

// Get returns an empty Writer from the pool. Give it back with Put once its
// bytes have been copied or written out.
func Get() *Writer {
	w := pool.Get().(*Writer)
	w.Reset()
	return w
}

// Put returns w to the pool, unless it grew very large.
func Put(w *Writer) {
	if w.Cap() <= maxPooled {
		pool.Put(w)
	}
}
