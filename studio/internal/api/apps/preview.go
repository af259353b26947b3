// SPDX-License-Identifier: MIT

package apps

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/render"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/gin-gonic/gin"
)

// CodePreviewFailed is the problem code of a preview of an app that cannot be
// loaded or rendered at the commit; the detail names the file.
const CodePreviewFailed = "preview_failed"

// PreviewAssets is where the preview's stylesheets (render.Assets) are served.
const PreviewAssets = Base + "/preview-assets/"

// previewCSP lets the page use studio's stylesheets and be framed by studio only;
// no script runs and no form can be sent.
const previewCSP = "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; " +
	"frame-ancestors 'self'; form-action 'none'; base-uri 'none'"

// previewFrame is the page around the fragment: the runtime's chrome without its
// script, language switch and login, which need a session in the runtime.
var previewFrame = template.Must(template.New("preview").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
{{range .Stylesheets}}<link rel="stylesheet" href="{{.}}">
{{end}}</head>
<body>
<header class="bl-header" id="bl-header">
<p class="bl-app-title ds-paragraph" data-size="lg">{{.AppTitle}}</p>
</header>
<main class="bl-page" id="bl-main" tabindex="-1">
{{.Body}}
</main>
</body>
</html>
`))

type previewPageData struct {
	Lang, Title, AppTitle string
	Stylesheets           []string
	Body                  template.HTML
}

// previewPage renders one page of a layout set as the runtime's citizen form does,
// with sample data from the data models and texts in ?lang= (nb by default; texts
// missing in nn or en fall back to nb).
func (h *Handler) previewPage(c *gin.Context) {
	set, page := c.Param("set"), c.Param("page")
	if !segmentOK(c, "layout set", set) || !segmentOK(c, "page", page) {
		return
	}
	lang := c.DefaultQuery("lang", "nb")
	if lang != "nb" && lang != "nn" && lang != "en" {
		httpx.Abort(c, http.StatusBadRequest, api.CodeInvalidInput, fmt.Sprintf("language %q: use nb, nn or en", lang))
		return
	}
	repo, commit, ok := h.openRead(c)
	if !ok {
		return
	}
	m := h.loadPreview(c.Request.Context(), repo, commit)
	if m.err != nil {
		problem(c, http.StatusUnprocessableEntity, CodePreviewFailed, "The app cannot be rendered at this commit: "+loadProblems(m.err), nil)
		return
	}
	ls := m.app.LayoutSet(set)
	if ls == nil || ls.Page(page) == nil {
		notFound(c, fmt.Sprintf("No page %q in layout set %q.", page, set))
		return
	}
	r := h.renderer()
	in := render.PageInput{Context: render.Context{App: m.app, LayoutSet: ls.ID, Data: m.data, Language: lang,
		URLs: previewURLs{query: url.Values{"lang": {lang}, "ref": {commit}}.Encode()}}, Page: page, Mode: render.Edit}
	if len(ls.Tasks) > 0 {
		in.TaskID = ls.Tasks[0]
	}
	body, err := r.RenderPage(in)
	switch {
	case errors.Is(err, render.ErrInput):
		notFound(c, err.Error())
		return
	case err != nil:
		problem(c, http.StatusUnprocessableEntity, CodePreviewFailed, fmt.Sprintf("%s cannot be rendered: %v", ls.Page(page).File, err), nil)
		return
	}
	var buf bytes.Buffer
	appTitle := titleIn(m.app, lang)
	err = previewFrame.Execute(&buf, previewPageData{Lang: lang, Title: page + " – " + appTitle, AppTitle: appTitle,
		Stylesheets: previewStylesheets(), Body: body})
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Content-Security-Policy", previewCSP)
	c.Header("X-Content-Type-Options", "nosniff")
	c.Header("Cache-Control", "private, no-cache")
	c.Data(http.StatusOK, "text/html; charset=utf-8", buf.Bytes())
}

// previewURLs keeps links between pages inside the preview (relative to
// …/preview/<set>/<page>, at the same commit and language). Forms post nowhere:
// the CSP's form-action 'none' stops every button.
type previewURLs struct{ query string }

func (u previewURLs) FormAction(page string) string { return u.Page(page) }
func (u previewURLs) Page(page string) string       { return url.PathEscape(page) + "?" + u.query }
func (u previewURLs) Attachment(render.DataElement) string {
	return "#"
}

// Resource leaves app media out of the preview: app-relative files are served by
// the runtime, not by studio.
func (u previewURLs) Resource(string) string { return "#" }

// titleIn is the app's title in lang, falling back to nb and the app id.
func titleIn(a *app.App, lang string) string {
	if a.Metadata != nil {
		for _, l := range []string{lang, "nb", "nn", "en"} {
			if t := a.Metadata.Title[l]; t != "" {
				return t
			}
		}
		return a.Metadata.ID
	}
	return ""
}

// loadProblems names the files of a load error, at most five of them.
func loadProblems(err error) string {
	var out []string
	var walk func(error)
	walk = func(err error) {
		var ae *app.Error
		switch j, isJoin := err.(interface{ Unwrap() []error }); {
		case isJoin:
			for _, e := range j.Unwrap() {
				walk(e)
			}
		case errors.As(err, &ae):
			out = append(out, ae.Error())
		default:
			out = append(out, err.Error())
		}
	}
	walk(err)
	if len(out) > 5 {
		out = append(out[:5], fmt.Sprintf("and %d more", len(out)-5))
	}
	return strings.Join(out, "; ")
}

// previewStylesheets are the URLs of render.Stylesheets under PreviewAssets.
func previewStylesheets() []string {
	out := make([]string, len(render.Stylesheets))
	for i, s := range render.Stylesheets {
		out[i] = PreviewAssets + s
	}
	return out
}

// previewAsset serves a file of render.Assets. It needs no login: it is the
// vendored Designsystemet CSS and Blankett's page frame, nothing of an app.
func previewAsset(c *gin.Context) {
	name := strings.TrimPrefix(c.Param("file"), "/")
	b, err := fs.ReadFile(render.Assets(), name)
	if !fs.ValidPath(name) || err != nil {
		c.Header("Cache-Control", "no-store")
		notFound(c, "No such preview asset.")
		return
	}
	ctype := "text/plain; charset=utf-8"
	if path.Ext(name) == ".css" {
		ctype = "text/css; charset=utf-8"
	}
	c.Header("Cache-Control", "public, max-age=3600")
	c.Header("X-Content-Type-Options", "nosniff")
	c.Data(http.StatusOK, ctype, b)
}
