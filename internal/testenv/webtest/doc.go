// SPDX-License-Identifier: MIT

// Package webtest drives server-rendered pages over real HTTP as a browser without
// script would: a client with a cookie jar that follows redirects, form posts, and
// the dev IdP's login page (pick a test user, post the form with its hidden fields).
//
//	c := webtest.Client(t)
//	start := webtest.DevLogin(t, c, base+"/ttd/skjema/", "15888010030")
//	if start.Status != http.StatusOK { ... }
package webtest
