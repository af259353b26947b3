// SPDX-License-Identifier: MIT

package render

import (
	"bytes"
	"html/template"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/blankett/blankett/appframework/htmlw"
	"github.com/blankett/blankett/appframework/sampledata"
)

// The printers replaced the html/template templates kept in testdata/oracle
// (as they were at commit 5b21a34). These tests print the same views through
// both and require the same bytes: on every page of every corpus app and on
// random view trees, so what html/template's escaping gave is shown to be
// kept. A deliberate change of markup changes the oracle template with it.

var oracle = sync.OnceValues(func() (*template.Template, error) {
	return template.New("oracle").Funcs(template.FuncMap{"heading": oracleHeading}).ParseFS(os.DirFS("testdata/oracle"), "*.tmpl")
})

// oracleHeading is the templates' heading function, except that it escapes
// "+" in id and data-component as html/template does in every attribute;
// the old function used HTMLEscapeString, which leaves it, and the printers
// escape every attribute alike.
func oracleHeading(level int, id, comp string, content template.HTML) template.HTML {
	esc := func(s string) string { return strings.ReplaceAll(template.HTMLEscapeString(s), "+", "&#43;") }
	level = min(max(level, 1), 6)
	n := strconv.Itoa(level)
	s := "<h" + n + ` class="ds-heading" data-size="` + headingSizes[level] + `"`
	if id != "" {
		s += ` id="` + esc(id) + `"`
	}
	if comp != "" {
		s += ` data-component="` + esc(comp) + `"`
	}
	return template.HTML(s + ">" + string(content) + "</h" + n + ">")
}

// sameAsOracle fails t unless the oracle template name prints data as got.
func sameAsOracle(t *testing.T, where, name string, data any, got string) {
	t.Helper()
	o, err := oracle()
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := o.ExecuteTemplate(&want, name, data); err != nil {
		t.Fatalf("%s: oracle: %v", where, err)
	}
	if got != want.String() {
		i := 0
		for i < len(got) && i < len(want.String()) && got[i] == want.String()[i] {
			i++
		}
		lo := max(i-60, 0)
		t.Errorf("%s: differs at byte %d:\n printer %q\n oracle  %q", where, i,
			got[lo:min(len(got), i+60)], want.String()[lo:min(want.Len(), i+60)])
	}
}

func TestPrintersMatchOracleOnCorpus(t *testing.T) {
	r := New()
	pages := 0
	for _, name := range corpusNames(t) {
		a := loadApp(t, name)
		data := sampledata.ForApp(a, sampledata.Options{})
		for _, set := range a.LayoutSets {
			for i, p := range set.Pages {
				ctx := Context{App: a, LayoutSet: set.ID, Data: data, Language: []string{"nb", "nn", "en"}[i%3], Now: fixedNow,
					Report: &Report{}, Elements: sampleElements(a), Payment: samplePayment(), DataLists: sampleLists()}
				shown, err := r.RenderPage(PageInput{Context: ctx, Page: p.ID, ShowHidden: true})
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range fieldNamesIn(t, string(shown)) {
					ctx.Issues = append(ctx.Issues, Issue{Severity: SeverityError, Field: f, Code: "required"})
				}
				for _, in := range []PageInput{
					{Context: ctx, Page: p.ID, HiddenFields: map[string]string{"b": "x&y+z", "a": `"<'`}},
					{Context: ctx, Page: p.ID, ShowHidden: true},
					{Context: ctx, Page: p.ID, ShowHidden: true, Mode: ReadOnly},
				} {
					pv, _, err := r.buildPage(in)
					if err != nil {
						t.Fatal(err)
					}
					where := name + "/" + set.ID + "/" + p.ID
					sameAsOracle(t, where, "page", pv, string(printPage((*printer).page, pv)))
					pv.Submit = &button{Action: string(ActSubmit), Text: "Send <inn>"}
					sameAsOracle(t, where+" with submit", "page", pv, string(printPage((*printer).page, pv)))
					pages++
				}
			}
			for _, in := range []SummaryInput{{EditLinks: true}, {PDF: true}} {
				in.Context = Context{App: a, LayoutSet: set.ID, Data: data, Now: fixedNow, Elements: sampleElements(a)}
				pv, err := r.buildSummary(in)
				if err != nil {
					t.Fatal(err)
				}
				sameAsOracle(t, name+"/"+set.ID+" summary", "summarypage", pv, string(printPage((*printer).summaryPage, pv)))
			}
		}
	}
	t.Logf("%d pages compared", pages)
}

func TestPrintersMatchOracleOnRandomViews(t *testing.T) {
	g := viewGen{rand.New(rand.NewPCG(1, 2))}
	for i := range 20_000 {
		v := g.view(2)
		p := printer{new(htmlw.Writer)}
		p.node(v)
		sameAsOracle(t, "random view "+strconv.Itoa(i)+" ("+v.Kind+")", "node", v, p.String())
		if t.Failed() {
			return
		}
	}
}

// viewGen makes random view trees: every kind, nil and empty slices, zero
// and negative numbers, hostile strings and markup.
type viewGen struct{ r *rand.Rand }

var (
	genStrings = []string{"", "a", "a+b", "<b>x</b>", `"q'`, "javascript:alert(1)", "/x?a=1&b=2", "100%", "%41", "æ ø",
		"\x00", "https://e.x/a b", "data:x", "MAILTO:x@y"}
	genHTML  = []template.HTML{"", "plain", "<em>x</em>", "a+b&amp;"}
	genKinds = []string{"input", "heading", "choices", "buttons", "select", "paragraph", "div", "section", "fieldset",
		"repgroup", "value", "alert", "textarea", "navbar", "link", "upload", "table", "sumlist", "links", "accordion",
		"card", "image", "media", "iframe", "divider", "dl", "errorsummary", "notice", "unknown"}
	genInts  = []int{0, 1, 3, -1, 7}
	genTypes = []string{"radio", "checkbox", "text", "audio", ""}
)

func (g viewGen) s() string        { return genStrings[g.r.IntN(len(genStrings))] }
func (g viewGen) h() template.HTML { return genHTML[g.r.IntN(len(genHTML))] }
func (g viewGen) b() bool          { return g.r.IntN(2) == 0 }
func (g viewGen) i() int           { return genInts[g.r.IntN(len(genInts))] }
func (g viewGen) button() button {
	return button{Action: g.s(), Text: g.h(), SRText: g.s(), Variant: g.s(), Color: g.s()}
}
func (g viewGen) option() option {
	return option{ID: g.s(), Value: g.s(), Label: g.h(), Text: g.s(), Desc: g.h(), Checked: g.b()}
}
func (g viewGen) message() []message { return []message{{ID: g.s(), Color: g.s(), Text: g.h()}} }

// some returns nil, an empty slice or a slice of n made by mk.
func some[T any](g viewGen, n int, mk func() T) []T {
	switch g.r.IntN(3) {
	case 0:
		return nil
	case 1:
		return []T{}
	}
	out := make([]T, n)
	for i := range out {
		out[i] = mk()
	}
	return out
}

func (g viewGen) view(depth int) *view {
	v := &view{Kind: genKinds[g.r.IntN(len(genKinds))], ID: g.s(), Comp: g.s(), Level: g.i(), Title: g.h(), Desc: g.h(),
		Help: g.h(), Body: g.h(), Required: g.b(), ReadOnly: g.b(), Invalid: g.b(),
		SROnlyLabel: g.b(), Optional: g.b(), HiddenByExpr: g.b(), Name: g.s(), Value: g.s(),
		Type: genTypes[g.r.IntN(len(genTypes))], Autocomplete: g.s(), InputMode: g.s(), Min: g.s(), Max: g.s(), Accept: g.s(),
		MaxLength: g.i(), Rows: g.i(), Multiple: g.b(), Prefix: g.h(), Suffix: g.h(), Href: g.s(), Src: g.s(), NewTab: g.b(),
		Color: g.s(), Variant: g.s(), Open: g.b(), Checked: g.b(), Text: g.s(),
		UI: &uiView{"R+", "O", "H", "S", "N", "F", "C", "Sv", "NT<"}}
	v.Msgs = some(g, 1, func() message { return g.message()[0] })
	if g.r.IntN(3) == 0 {
		v.Variant = "button"
	}
	v.Options = some(g, 2, g.option)
	v.Buttons = some(g, 1, g.button)
	v.Items = some(g, 2, func() item {
		it := item{ID: g.s(), Text: g.h(), Plain: g.s(), Value: g.h(), Href: g.s(), Current: g.b(), View: g.view(max(depth-1, 0))}
		if g.b() {
			it.Msgs = g.message()
		}
		if g.b() {
			b := g.button()
			it.Button = &b
		}
		return it
	})
	if depth == 0 {
		return v
	}
	v.Children = some(g, g.r.IntN(3), func() *view { return g.view(depth - 1) })
	v.Extra = some(g, 1, func() *view { return g.view(depth - 1) })
	if g.b() {
		v.Table = g.table(depth)
	}
	return v
}

func (g viewGen) table(depth int) *table {
	t := &table{Caption: g.h(), SRCaption: g.b(), Actions: g.s(), Headers: some(g, 1, func() cell { return cell{Text: g.h()} })}
	for range 2 {
		rw := &row{ID: g.s(), Header: g.b(), Span: g.i(), Cells: []cell{{Text: g.h(), Header: g.b()}, {Header: g.b()}}}
		if g.b() {
			rw.Cells[1].View = g.view(depth - 1)
		}
		rw.Buttons = some(g, 1, g.button)
		if g.b() {
			rw.Form = g.view(depth - 1)
		}
		t.Rows = append(t.Rows, rw)
	}
	return t
}
