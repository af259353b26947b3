// SPDX-License-Identifier: MIT

package render

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/expr/layouttree"
)

// state is one render: the app, the expanded tree, the issues and the
// running heading order. It is not shared between renders.
type state struct {
	r          *Renderer
	c          *Context
	app        *app.App
	set        *app.LayoutSet
	lang       string
	ui         *uiView
	env        *expr.Env
	tree       *layouttree.Tree
	urls       URLs
	report     *Report
	now        time.Time
	mode       Mode
	open       []Target
	showHidden bool
	editLinks  bool
	// pdfPages and pdfComps hold the page and component ids a PDF summary
	// leaves out; nil outside the PDF.
	pdfPages, pdfComps map[string]bool
	page               string
	multipart          bool
	issues             issueIndex
	h                  headings
	// depth guards summaries of summaries.
	depth int
	// used counts the DOM ids given out; idPrefix keeps the ids inside a
	// summary apart from the fields it summarises.
	used     map[string]int
	idPrefix string
	// pages caches visiblePages.
	pages []string
}

// bctx is where a component is built: the heading level of the enclosing
// section, whether it is a top-level component of the page, whether its
// label is only for screen readers (table cells) and whether a container
// made it read-only.
type bctx struct {
	level    int
	top      bool
	srLabel  bool
	readOnly bool
}

func (r *Renderer) newState(c *Context) (*state, error) {
	if c.App == nil {
		return nil, fmt.Errorf("%w: no app", ErrInput)
	}
	set, err := layoutSet(c)
	if err != nil {
		return nil, err
	}
	lang := c.Language
	if lang == "" {
		lang = "nb"
	}
	st := &state{r: r, c: c, app: c.App, set: set, lang: lang, ui: newUIView(lang), urls: c.URLs, report: c.Report, now: c.Now,
		used: map[string]int{}}
	if st.urls == nil {
		st.urls = QueryURLs{}
	}
	if st.now.IsZero() {
		st.now = time.Now()
	}
	data := &lenientData{json: &expr.JSONData{Default: set.DataType, Models: c.Data}, st: st}
	st.env = c.App.Env(data, lang)
	st.env.Instance, st.env.Auth, st.env.TaskID = c.Instance, c.Auth, c.TaskID
	st.tree, err = set.NewTree(st.env)
	if err != nil {
		return nil, fmt.Errorf("render: expand layout set %q: %w", set.ID, err)
	}
	st.issues = newIssueIndex(c.Issues)
	return st, nil
}

func layoutSet(c *Context) (*app.LayoutSet, error) {
	switch {
	case c.LayoutSet != "":
		if s := c.App.LayoutSet(c.LayoutSet); s != nil {
			return s, nil
		}
		return nil, fmt.Errorf("%w: no layout set %q", ErrInput, c.LayoutSet)
	case c.TaskID != "":
		if s := c.App.LayoutSetForTask(c.TaskID); s != nil {
			return s, nil
		}
		return nil, fmt.Errorf("%w: no layout set for task %q", ErrInput, c.TaskID)
	case len(c.App.LayoutSets) == 1:
		return c.App.LayoutSets[0], nil
	}
	return nil, fmt.Errorf("%w: name a layout set or a task", ErrInput)
}

// lenientData reads a data type that is not in the input as empty, so a
// page bound to a model the runtime did not load still renders.
type lenientData struct {
	json   *expr.JSONData
	st     *state
	missed map[string]bool
}

// Lookup implements expr.DataSource.
func (d *lenientData) Lookup(dataType string, p expr.Path) (expr.Value, error) {
	if !d.has(dataType) {
		return expr.Value{}, nil
	}
	return d.json.Lookup(dataType, p)
}

// CountRows implements expr.RowCounter, with Lookup's leniency.
func (d *lenientData) CountRows(dataType string, p expr.Path) (int, error) {
	if !d.has(dataType) {
		return 0, nil
	}
	return d.json.CountRows(dataType, p)
}

// has reports whether the input has data of dataType, reporting the first
// miss of each data type as a problem.
func (d *lenientData) has(dataType string) bool {
	dt := dataType
	if dt == "" {
		dt = d.json.Default
	}
	if _, ok := d.json.Models[dt]; ok {
		return true
	}
	if !d.missed[dt] {
		if d.missed == nil {
			d.missed = map[string]bool{}
		}
		d.missed[dt] = true
		d.st.report.problem("", "no data for data type "+strconv.Quote(dt))
	}
	return false
}

// pageNode returns the tree node of page id.
func (st *state) pageNode(id string) *layouttree.Node {
	for _, p := range st.tree.Pages {
		if p.Page.ID == id {
			return p
		}
	}
	return nil
}

// domID is the DOM id of a component instance: its id with Altinn's row
// suffix ("navn-1-0"), which layouts cannot collide with because component
// ids may not end in -digits.
func domID(id string, rows []int) string {
	if len(rows) == 0 {
		return id
	}
	var b strings.Builder
	b.WriteString(id)
	for _, r := range rows {
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(r))
	}
	return b.String()
}

// claim returns id made safe (letters, digits, - and _) and unique in the
// fragment: a repeat gets "_2", "_3"…, which no component id or row
// suffix can produce.
func (st *state) claim(id string) string {
	if id == "" {
		return ""
	}
	id = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, id)
	n := st.used[id]
	st.used[id] = n + 1
	if n == 0 {
		return id
	}
	return id + "_" + strconv.Itoa(n+1)
}

// headings keeps the page's heading order: one h1, then no level skipped.
type headings struct {
	last int
	// h1 is set once the h1 is given out; synthetic when the page title
	// had to be added for it.
	h1, synthetic bool
}

// next returns the level for a heading that would like to be want: never
// 1 (the h1 is given once), never more than one below the last heading.
func (st *state) nextHeading(want int) int {
	if !st.h.h1 {
		st.h.h1, st.h.synthetic, st.h.last = true, true, 1
	}
	l := min(max(want, 2), st.h.last+1, 6)
	st.h.last = l
	return l
}

// takeH1 gives the h1 to a top-level Header if no heading came before.
func (st *state) takeH1() bool {
	if st.h.h1 {
		return false
	}
	st.h.h1, st.h.last = true, 1
	return true
}

// finish adds the h1 (when no Header took it) and the error summary after it.
func (st *state) finish(body []*view, title string) []*view {
	var head []*view
	at := 0
	if !st.h.h1 || st.h.synthetic {
		head = append(head, &view{Kind: "heading", ID: st.claim("bl-title"), Level: 1, Title: markdown(title, mdOptions{inline: true}), UI: st.ui})
	} else {
		for i, v := range body {
			if v.Kind == "heading" && v.Level == 1 {
				at = i + 1
				break
			}
		}
	}
	if es := st.errorSummary(); es != nil {
		if len(head) > 0 {
			head = append(head, es)
		} else {
			body = append(body[:at:at], append([]*view{es}, body[at:]...)...)
		}
	}
	return append(head, body...)
}

// pageTitle is the text with the page id as key, or the app's title.
func (st *state) pageTitle(page string) string {
	if _, ok := st.env.Texts.Text(page); ok {
		return st.text(page, nil)
	}
	return st.appTitle()
}

// appTitle is the app's name text, or its title in applicationmetadata.json.
func (st *state) appTitle() string {
	for _, key := range []string{"appName", "ServiceName"} {
		if _, ok := st.env.Texts.Text(key); ok {
			return st.text(key, nil)
		}
	}
	if m := st.app.Metadata; m != nil {
		for _, l := range []string{st.lang, "nb", "nn", "en"} {
			if t := m.Title[l]; t != "" {
				return t
			}
		}
		return m.ID
	}
	return ""
}
