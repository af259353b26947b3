// SPDX-License-Identifier: MIT

package forms

import (
	"bytes"
	"html/template"
	"net/http"

	"github.com/blankett/blankett/appframework/htmlw"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// langCookie keeps the chosen language.
const langCookie = "blankett_lang"

// languages are the languages of the switch, in its order.
var languages = []struct{ Code, Label string }{{"nb", "Bokmål"}, {"nn", "Nynorsk"}, {"en", "English"}}

// language picks the page language: ?lang= (then kept in the cookie), the cookie, or nb.
func language(c *gin.Context) string {
	if l := c.Query("lang"); knownLang(l) {
		c.SetCookie(langCookie, l, 365*24*3600, "/", "", c.Request.TLS != nil, true)
		c.SetSameSite(http.SameSiteLaxMode)
		return l
	}
	if ck, err := c.Cookie(langCookie); err == nil && knownLang(ck) {
		return ck
	}
	return "nb"
}

func knownLang(l string) bool { return l == "nb" || l == "nn" || l == "en" }

type langLink struct {
	Code, Label, URL string
	Current          bool
}

// chrome is what is printed around a fragment (see print).
type chrome struct {
	Lang, Title, AppTitle, Home, Logout string
	// Script is the enhancement script's URL, set on form pages only.
	Script string
	// MyForms links the app's "my forms" page; OnMyForms marks it current.
	MyForms     string
	OnMyForms   bool
	Stylesheets []string
	Languages   []langLink
	LoggedIn    bool
	T           uiText
	Body        template.HTML
}

// appTitle is the app's title in lang, falling back to nb and the app id.
func appTitle(rel *apphost.Release, lang string) string {
	if rel == nil {
		return "Blankett"
	}
	t := rel.App.Metadata.Title
	for _, l := range []string{lang, "nb", "nn", "en"} {
		if t[l] != "" {
			return t[l]
		}
	}
	return rel.ID
}

// page writes body inside the chrome with status.
func (h *Handler) page(c *gin.Context, status int, rel *apphost.Release, lang, title string, body template.HTML) {
	h.pageWith(c, status, rel, lang, title, body, chrome{})
}

// pageWith is page with the chrome's optional parts (script, current menu item) set.
func (h *Handler) pageWith(c *gin.Context, status int, rel *apphost.Release, lang, title string, body template.HTML, ch chrome) {
	a := auth.CallerFrom(c.Request.Context())
	ch.Lang, ch.AppTitle, ch.Logout, ch.Stylesheets = lang, appTitle(rel, lang), auth.PathLogout, h.css
	ch.LoggedIn, ch.T, ch.Body, ch.Home = a.Kind == auth.Person && a.ViaSession, texts(lang), body, "/"
	if rel != nil {
		ch.Home = appPath(rel.Org, rel.Name)
		ch.MyForms = ch.Home + "?" + myFormsView
	}
	ch.Title = title + " – " + ch.AppTitle
	if title == "" || title == ch.AppTitle {
		ch.Title = ch.AppTitle
	}
	for _, l := range languages {
		u := *c.Request.URL
		q := u.Query() // keeps the view (my forms, open rows)
		q.Set("lang", l.Code)
		u.RawQuery = q.Encode()
		ch.Languages = append(ch.Languages, langLink{Code: l.Code, Label: l.Label, URL: u.RequestURI(), Current: l.Code == lang})
	}
	w := htmlw.Get() // gin copies the page out before pageWith returns
	defer htmlw.Put(w)
	w.Grow(len(body) + 4<<10)
	ch.print(w)
	c.Header("Cache-Control", "no-store")
	c.Header("Content-Security-Policy", "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' https: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	c.Data(status, "text/html; charset=utf-8", w.Bytes())
}

// fragment executes one of the package's templates into HTML.
func (h *Handler) fragment(name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil //nolint:gosec // html/template output
}

type message struct {
	Heading, Text, Link, LinkText string
}

// message shows a short page with a heading and a text: errors, denials, notices.
func (h *Handler) message(c *gin.Context, status int, rel *apphost.Release, lang string, m message) {
	body, err := h.fragment("message", m)
	if err != nil {
		h.log.Error("forms: render message", "err", err)
		c.String(http.StatusInternalServerError, "internal error")
		return
	}
	h.page(c, status, rel, lang, m.Heading, body)
}

// denied is the 403 page: it says nothing about the instance.
func (h *Handler) denied(c *gin.Context, rel *apphost.Release, lang string) {
	t := texts(lang)
	h.message(c, http.StatusForbidden, rel, lang, message{Heading: t.DeniedHeading, Text: t.DeniedText, Link: "/parties", LinkText: t.ChooseParty})
}

// notFound is the 404 page.
func (h *Handler) notFound(c *gin.Context, rel *apphost.Release, lang string) {
	t := texts(lang)
	h.message(c, http.StatusNotFound, rel, lang, message{Heading: t.NotFoundHeading, Text: t.NotFoundText})
}

// failed is the 500 page; err is logged, not shown.
func (h *Handler) failed(c *gin.Context, rel *apphost.Release, lang string, err error) {
	h.log.Error("forms: request failed", "path", c.Request.URL.Path, "err", err)
	t := texts(lang)
	h.message(c, http.StatusInternalServerError, rel, lang, message{Heading: t.ErrorHeading, Text: t.ErrorText})
}
