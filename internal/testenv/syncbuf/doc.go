// SPDX-License-Identifier: MIT

// Package syncbuf is a bytes.Buffer that one goroutine (a server's log, a child
// process's output) may write while a test reads it.
package syncbuf
