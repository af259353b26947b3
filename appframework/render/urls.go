// SPDX-License-Identifier: MIT

package render

import (
	"net/url"
	"strings"
)

// URLs builds the URLs a rendered fragment contains, so the runtime and
// studio's preview decide their own routes.
type URLs interface {
	// FormAction is where the page's form posts.
	FormAction(page string) string
	// Page links to a page (error summary links to other pages, summary
	// "change" links); the fragment adds "#id".
	Page(page string) string
	// Attachment links to a data element's content.
	Attachment(e DataElement) string
	// Resource turns an app-relative media path (Image and Video src) into
	// a URL; absolute http(s) URLs are passed through without asking.
	Resource(src string) string
}

// QueryURLs is a URLs for previews and tests: pages are "?page=<id>" on
// Base, attachments "<Base>/data/<id>" and resources "<Base>/<src>".
type QueryURLs struct {
	Base string
}

// FormAction implements URLs.
func (u QueryURLs) FormAction(page string) string { return u.Page(page) }

// Page implements URLs.
func (u QueryURLs) Page(page string) string { return u.Base + "?page=" + url.QueryEscape(page) }

// Attachment implements URLs.
func (u QueryURLs) Attachment(e DataElement) string {
	return u.Base + "/data/" + url.PathEscape(e.ID)
}

// Resource implements URLs.
func (u QueryURLs) Resource(src string) string {
	return strings.TrimSuffix(u.Base, "/") + "/" + strings.TrimPrefix(src, "/")
}
