// SPDX-License-Identifier: MIT

// Package browser drives a real headless Chromium from Go tests (chromedp) and
// checks pages with axe-core, so end-to-end tests see what a citizen's browser
// sees: the server-rendered HTML, the progressive-enhancement script, focus and
// the accessibility tree.
//
// New starts one browser per test from $BLANKETT_TEST_CHROMIUM (the test skips
// with a one-line reason when it is unset) with the flags a container needs
// (--no-sandbox, --disable-gpu, no background networking, component updates,
// sync or QUIC, no first-run UI) and stops it when the test ends. The Browser's
// helpers take CSS selectors, wait for the element, and fail the test with the
// page's URL on error; each step has a time limit (Options.Timeout), so a page
// that never answers fails instead of hanging the suite.
//
//	b := browser.New(t)
//	b.Navigate(base + "/ttd/skjema/")
//	b.Fill("#name", "Ola")
//	b.ClickNav(`button[value="next"]`) // waits for the next page to load
//	browser.Axe(t, b.Context())
//
// Axe injects axe-core (designer-ui/node_modules/axe-core/axe.min.js, found
// from the module root, or the file named by $BLANKETT_TEST_AXE; the test skips
// with a reason when it is missing: run `npm ci` in designer-ui) into the current
// page, runs every rule, logs each violation and fails the test on any of
// impact serious or critical. Violations returns the raw result for tests that
// need it.
//
// Options.NoJavaScript turns script execution off in the tab (Emulation), so a
// test can prove a page works as plain HTML; Axe switches it on only while it
// runs its own script. Uncaught exceptions and console errors on the pages are
// collected: ConsoleErrors lists them, and the test fails at its end if any
// uncaught exception happened unless Options.AllowExceptions is set.
package browser
