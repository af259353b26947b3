// SPDX-License-Identifier: MIT

package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/sampledata"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

// fixedNow keeps rendered dates stable.
var fixedNow = time.Date(2024, 5, 17, 12, 0, 0, 0, time.UTC)

func loadApp(t testing.TB, name string) *app.App {
	t.Helper()
	a, err := app.Load(os.DirFS(testcorpus.Path(t, "apps", name)), app.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return a
}

func corpusNames(t testing.TB) []string {
	t.Helper()
	entries, err := os.ReadDir(testcorpus.Path(t, "apps"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// fieldNamesIn lists the data field names of a rendered fragment.
func fieldNamesIn(t *testing.T, fragment string) []string {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(fragment))
	seen := map[string]bool{}
	var out []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		for {
			k, v, more := z.TagAttr()
			if string(k) == "name" && !strings.HasPrefix(string(v), "_") && !seen[string(v)] {
				seen[string(v)] = true
				out = append(out, string(v))
			}
			if !more {
				break
			}
		}
	}
}

// TestCorpusPages renders every page of every layout set of the corpus
// apps with sample data: as a user sees it, then with hidden components
// shown and an error on every field, then read-only; and a summary of every
// set. Each output must pass the accessibility checks, and no corpus
// component may fall back to the "not supported" notice.
func TestCorpusPages(t *testing.T) {
	t.Parallel()
	r := New()
	names := corpusNames(t)
	pages, apps := 0, 0
	langs := []string{"nb", "nn", "en"}
	for _, name := range names {
		a := loadApp(t, name)
		apps++
		data := sampledata.ForApp(a, sampledata.Options{})
		for _, set := range a.LayoutSets {
			for i, p := range set.Pages {
				pages++
				where := name + "/" + set.ID + "/" + p.ID
				rep := &Report{}
				ctx := Context{App: a, LayoutSet: set.ID, Data: data, Language: langs[i%3], Now: fixedNow, Report: rep,
					Elements: sampleElements(a), Payment: samplePayment(), DataLists: sampleLists()}
				out, err := r.RenderPage(PageInput{Context: ctx, Page: p.ID})
				if err != nil {
					t.Errorf("%s: %v", where, err)
					continue
				}
				for _, prob := range a11yProblems(string(out)) {
					t.Errorf("%s: %s", where, prob)
				}
				shown, err := r.RenderPage(PageInput{Context: ctx, Page: p.ID, ShowHidden: true})
				if err != nil {
					t.Errorf("%s (hidden shown): %v", where, err)
					continue
				}
				for _, f := range fieldNamesIn(t, string(shown)) {
					ctx.Issues = append(ctx.Issues, Issue{Severity: SeverityError, Field: f, Code: "required"})
				}
				ctx.Issues = append(ctx.Issues, Issue{Severity: SeverityError, Field: "nowhere.at.all", Message: "Feil utenfor siden"})
				for _, in := range []PageInput{
					{Context: ctx, Page: p.ID, ShowHidden: true},
					{Context: ctx, Page: p.ID, ShowHidden: true, Mode: ReadOnly},
				} {
					out, err := r.RenderPage(in)
					if err != nil {
						t.Errorf("%s (issues, mode %d): %v", where, in.Mode, err)
						continue
					}
					for _, prob := range a11yProblems(string(out)) {
						t.Errorf("%s (issues, mode %d): %s", where, in.Mode, prob)
					}
					if !strings.Contains(string(out), "ds-error-summary") {
						t.Errorf("%s: no error summary", where)
					}
				}
				for _, u := range rep.Unsupported {
					t.Errorf("%s: %s %s rendered as not supported", where, u.Component, u.Type)
				}
			}
			out, err := r.RenderSummary(SummaryInput{Context: Context{App: a, LayoutSet: set.ID, Data: data, Now: fixedNow}, EditLinks: true})
			if err != nil {
				t.Errorf("%s/%s summary: %v", name, set.ID, err)
				continue
			}
			for _, prob := range a11yProblems(string(out)) {
				t.Errorf("%s/%s summary: %s", name, set.ID, prob)
			}
		}
	}
	t.Logf("render: %d pages of %d apps", pages, apps)
	_ = filepath.Join
}

// sampleElements is one attachment per data type without a model, so
// FileUpload and AttachmentList have something to list.
func sampleElements(a *app.App) []DataElement {
	var out []DataElement
	for _, d := range a.Metadata.DataTypes {
		if d.IsForm() {
			continue
		}
		out = append(out, DataElement{ID: "00000000-0000-0000-0000-" + pad12(len(out)), DataType: d.ID, Filename: d.ID + ".pdf", ContentType: "application/pdf", Size: 12345})
	}
	return out
}

func pad12(n int) string {
	s := itoa(n)
	return strings.Repeat("0", 12-len(s)) + s
}

func samplePayment() *Payment {
	return &Payment{Currency: "NOK", Lines: []PaymentLine{{Name: "Søknadsgebyr", Quantity: 1, Price: 1200}, {Name: "Tillegg", Quantity: 2, Price: 250.5}}}
}

func sampleLists() map[string][]map[string]any {
	return map[string][]map[string]any{"people": {
		{"name": "Kari", "age": 40.0, "profession": "Lege"}, {"name": "Ola", "age": 35.0, "profession": "Snekker"},
	}}
}
