// SPDX-License-Identifier: MIT

package forms

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"strings"

	"github.com/blankett/blankett/appframework/render"
	"github.com/blankett/blankett/runtime/internal/instances"
)

// printCSS is added after the page CSS in a printed receipt: the page box is the
// paper's, so the frame's screen padding and width go.
const printCSS = `
@page { size: A4; }
.bl-header { padding: 0 0 .75rem; }
.bl-page.bl-print { max-width: none; padding: 1rem 0 0; }
a { color: inherit; }
`

// printView is what the print template shows.
type printView struct {
	Lang, Title, AppTitle, InstanceID string
	CSS                               template.CSS
	Summary                           template.HTML
	T                                 uiText
}

// inlineCSS is the pages' stylesheets joined, for documents that load nothing.
func inlineCSS() (template.CSS, error) {
	var b strings.Builder
	for _, name := range render.Stylesheets {
		css, err := fs.ReadFile(render.Assets(), name)
		if err != nil {
			return "", fmt.Errorf("forms: stylesheet %s: %w", name, err)
		}
		b.Write(css)
		b.WriteByte('\n')
	}
	b.WriteString(printCSS)
	return template.CSS(b.String()), nil //nolint:gosec // our own embedded files
}

// PrintDocument implements the PDF worker's Renderer: the receipt of snap in lang
// as one self-contained HTML document (CSS inlined, no scripts, nothing to
// fetch), with the app's title, the reference and the read-only summary the
// receipt page shows, less what Settings.json excludes from the PDF (or the page
// its pdfLayoutName names): that of the first of tasks with a layout set the
// instance has data for (else the first task's). Its links are absolute
// (Options.PublicURL).
func (h *Handler) PrintDocument(ctx context.Context, snap *instances.Snapshot, lang string, tasks []string) ([]byte, error) {
	if !knownLang(lang) {
		lang = "nb"
	}
	rel, t := snap.Release, texts(lang)
	title := appTitle(rel, lang)
	base := h.public + instancePath(rel.Org, rel.Name, snap.PartyID(), guidOf(snap))
	summary, err := h.summaryOf(ctx, snap, lang, base, t.Receipt+": "+title, t.Receipt, true, tasks)
	if err != nil {
		return nil, err
	}
	v := printView{Lang: lang, Title: t.Receipt + " – " + title, AppTitle: title, InstanceID: snap.Instance.ID,
		CSS: h.printCSS, Summary: summary, T: t}
	var buf bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&buf, "print", v); err != nil {
		return nil, fmt.Errorf("forms: render print: %w", err)
	}
	return buf.Bytes(), nil
}
