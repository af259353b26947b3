// SPDX-License-Identifier: MIT

// Package htmlw writes HTML from Go code with the escaping html/template
// applies, without its reflection: a page printed through a Writer is the
// byte-for-byte output of the equivalent template, at a fraction of the CPU.
//
// Text escapes a string for a text node or a double-quoted attribute value
// (html/template's table: NUL, ", &, ', +, < and >); URL escapes the value
// of a URL attribute (href, src, action) as html/template does for an action
// that is the whole value: a scheme other than http, https or mailto becomes
// "#ZgotmplZ", bytes a URL may not hold are percent-encoded, and the result
// is escaped for the attribute. Raw writes trusted markup as it is; use it
// only for constants and for values that are already HTML.
//
// Servers that print a page per request take Writers from Get and give them
// back with Put, so a buffer serves many pages.
//
// The tests compare every escaper with html/template on the same input.
package htmlw
