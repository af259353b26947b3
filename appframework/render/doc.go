// SPDX-License-Identifier: MIT

// Package render turns an app's pages and task summaries into plain HTML fragments
// (html/template) that use Digdir Designsystemet's CSS class names and WCAG 2.1 AA
// semantics. The runtime wraps a fragment with its page chrome, sessions and saving;
// studio's preview shows the same fragment, so browser, preview and PDF never disagree.
//
// The stylesheet is vendored, pinned, in assets/designsystemet (refresh with
// `make vendor-designsystemet`) and served from Assets.
package render
