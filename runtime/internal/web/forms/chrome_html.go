// SPDX-License-Identifier: MIT

package forms

import "github.com/blankett/blankett/appframework/htmlw"

// print writes the whole HTML document: head, header with the app title,
// menu, language switch and logout, then the body fragment in <main>.
// It is printed in Go rather than by a template because every page pays
// for it (see docs/benchmarks.md).
func (ch *chrome) print(w *htmlw.Writer) {
	w.Raw("<!DOCTYPE html>\n<html")
	w.Attr("lang", ch.Lang)
	w.Raw(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	w.Text(ch.Title)
	w.Raw("</title>\n")
	for _, s := range ch.Stylesheets {
		w.Raw(`<link rel="stylesheet" href="`)
		w.URL(s)
		w.Raw("\">\n")
	}
	if ch.Script != "" {
		w.Raw(`<script src="`)
		w.URL(ch.Script)
		w.Raw("\" defer></script>\n")
	}
	w.Raw("</head>\n<body>\n" + `<a class="bl-skip ds-link" id="bl-skip" href="#bl-main">`)
	w.Text(ch.T.Skip)
	w.Raw("</a>\n<header class=\"bl-header\" id=\"bl-header\">\n" + `<p class="bl-app-title ds-paragraph" data-size="lg"><a class="ds-link" href="`)
	w.URL(ch.Home)
	w.Raw(`">`)
	w.Text(ch.AppTitle)
	w.Raw("</a></p>\n")
	if ch.LoggedIn && ch.MyForms != "" {
		w.Raw(`<nav class="bl-menu" id="bl-menu"`)
		w.Attr("aria-label", ch.T.Menu)
		w.Raw(`><a class="ds-link" href="`)
		w.URL(ch.MyForms)
		w.Raw(`"`)
		if ch.OnMyForms {
			w.Raw(` aria-current="page"`)
		}
		w.Raw(">")
		w.Text(ch.T.MyForms)
		w.Raw("</a></nav>\n")
	}
	ch.printLanguages(w)
	if ch.LoggedIn {
		w.Raw(`<form class="bl-logout" id="bl-logout" method="post" action="`)
		w.URL(ch.Logout)
		w.Raw("\">\n" + `<button class="ds-button" data-variant="tertiary" type="submit">`)
		w.Text(ch.T.Logout)
		w.Raw("</button>\n</form>")
	}
	w.Raw("\n</header>\n<main class=\"bl-page\" id=\"bl-main\" tabindex=\"-1\">\n")
	w.Raw(string(ch.Body))
	w.Raw("\n")
	if ch.Script != "" {
		w.Raw(`<p class="bl-status ds-paragraph" id="bl-status" role="status" aria-live="polite" data-size="sm"`)
		w.Attr("data-saving", ch.T.Saving)
		w.Attr("data-saved", ch.T.Saved)
		w.Attr("data-invalid", ch.T.Invalid)
		w.Attr("data-failed", ch.T.SaveFailed)
		w.Raw("></p>\n")
	}
	w.Raw("</main>\n</body>\n</html>\n")
}

// printLanguages writes the language switch: the current language as
// text, the others as links that keep the page's query.
func (ch *chrome) printLanguages(w *htmlw.Writer) {
	w.Raw(`<nav class="bl-lang" id="bl-lang"`)
	w.Attr("aria-label", ch.T.Language)
	w.Raw(">\n<ul>")
	for _, l := range ch.Languages {
		w.Raw("<li>")
		if l.Current {
			w.Raw(`<span aria-current="true"`)
			w.Attr("lang", l.Code)
			w.Raw(">")
			w.Text(l.Label)
			w.Raw("</span>")
		} else {
			w.Raw(`<a class="ds-link" href="`)
			w.URL(l.URL)
			w.Raw(`"`)
			w.Attr("lang", l.Code)
			w.Attr("hreflang", l.Code)
			w.Raw(">")
			w.Text(l.Label)
			w.Raw("</a>")
		}
		w.Raw("</li>")
	}
	w.Raw("</ul>\n</nav>\n")
}
