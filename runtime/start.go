// SPDX-License-Identifier: MIT

package runtime

import (
	"bytes"
	"html/template"
	"net/http"
	"sort"

	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/web/forms"
	"github.com/gin-gonic/gin"
)

// startTmpl is the runtime's front page: the apps citizens can open here.
var startTmpl = template.Must(template.New("start").Parse(`<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Blankett</title>
{{range .Stylesheets}}<link rel="stylesheet" href="{{.}}">
{{end}}</head>
<body>
<main class="bl-page" id="bl-main">
<h1 class="ds-heading" data-size="lg">Blankett</h1>
{{if .Apps}}<p class="ds-paragraph">Tjenester på denne serveren:</p>
<ul class="ds-list">{{range .Apps}}<li><a class="ds-link" href="/{{.Org}}/{{.Name}}/">{{.Title}}</a> <span class="ds-paragraph" data-size="sm">({{.Org}}/{{.Name}})</span></li>
{{end}}</ul>{{else}}<p class="ds-paragraph">Ingen tjenester er publisert på denne serveren ennå.</p>{{end}}
<p class="ds-paragraph" data-size="sm">Tjenesteeiere lager tjenester i <a class="ds-link" href="/studio/">Blankett Studio</a> (når serveren kjører studio-rollen).</p>
</main>
</body>
</html>
`))

// startApp is one app on the front page.
type startApp struct{ Org, Name, Title string }

// startPage lists the apps whose current release is active, by title.
func startPage(host *apphost.Host) gin.HandlerFunc {
	return func(c *gin.Context) {
		var apps []startApp
		for _, in := range host.List() {
			if !in.Active || !in.Current {
				continue
			}
			title := in.ID
			if rel, err := host.Current(in.Org, in.Name); err == nil && rel.App != nil && rel.App.Metadata != nil {
				if t := rel.App.Metadata.Title["nb"]; t != "" {
					title = t
				}
			}
			apps = append(apps, startApp{Org: in.Org, Name: in.Name, Title: title})
		}
		sort.Slice(apps, func(i, j int) bool { return apps[i].Title < apps[j].Title })
		var buf bytes.Buffer
		if err := startTmpl.Execute(&buf, map[string]any{"Apps": apps, "Stylesheets": forms.Stylesheets()}); err != nil {
			c.AbortWithStatus(http.StatusInternalServerError)
			return
		}
		c.Header("Cache-Control", "no-cache")
		c.Data(http.StatusOK, "text/html; charset=utf-8", buf.Bytes())
	}
}
