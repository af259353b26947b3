// SPDX-License-Identifier: MIT

package forms_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/testenv/browser"
	"github.com/blankett/blankett/internal/testenv/webtest"
)

// listApp is the fixture app with a static data list, datalists/people.json, and
// a third page with a List component that sets name and age from a row.
func listApp(t *testing.T) string {
	t.Helper()
	return fixtureWith(t, map[string]string{
		"App/datalists/people.json": `[{"name": "Kari", "age": 41, "job": "Baker"},
			{"name": "Per", "age": 7, "job": "Elev"}, {"name": "Åse", "age": 63, "job": "Lege"}]`,
		"App/ui/form/Settings.json": `{"pages": {"order": ["page1", "page2", "people"]}}`,
		"App/ui/form/layouts/people.json": `{"data": {"layout": [
			{"id": "people-list", "type": "List", "dataListId": "people",
			 "textResourceBindings": {"title": "Hvem gjelder saken?"},
			 "tableHeaders": {"name": "Navn", "age": "Alder", "job": "Yrke"},
			 "dataModelBindings": {"name": "name", "age": "age"}},
			{"id": "nav3", "type": "NavigationButtons"}]}}`,
	})
}

// fixtureWith is a copy of the fixture app with files (path → content) written over it.
func fixtureWith(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "skjema"))); err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestDataListAPI checks GET api/datalists/{id}: paging, sorting, and clear
// errors for a bad query and an unknown list.
func TestDataListAPI(t *testing.T) {
	base := newServerApps(t, listApp(t))
	c := webtest.Client(t)
	type page struct {
		ListItems []map[string]any `json:"listItems"`
		MetaData  struct {
			Page, PageCount, PageSize, TotaltItemsCount int
		} `json:"_metaData"`
	}
	tests := []struct {
		query  string
		status int
		names  string
		count  int // pageCount
	}{
		{"", http.StatusOK, "Kari,Per,Åse", 1},
		{"?size=2", http.StatusOK, "Kari,Per", 2},
		{"?size=2&page=1", http.StatusOK, "Åse", 2},
		{"?size=2&page=5", http.StatusOK, "", 2},
		{"?sortColumn=age", http.StatusOK, "Per,Kari,Åse", 1},
		{"?sortColumn=age&sortDirection=desc&size=1", http.StatusOK, "Åse", 3},
		{"?sortColumn=name&sortDirection=desc", http.StatusOK, "Åse,Per,Kari", 1},
		{"?size=0", http.StatusBadRequest, "", 0},
		{"?size=abc", http.StatusBadRequest, "", 0},
		{"?page=-1", http.StatusBadRequest, "", 0},
		{"?sortDirection=up", http.StatusBadRequest, "", 0},
	}
	for _, tt := range tests {
		got := webtest.Do(t, c, http.MethodGet, base+"/ttd/skjema/api/datalists/people"+tt.query, nil)
		if got.Status != tt.status {
			t.Errorf("%s: %d, want %d\n%s", tt.query, got.Status, tt.status, got.Body)
			continue
		}
		if tt.status != http.StatusOK {
			if !strings.Contains(got.Header.Get("Content-Type"), "problem+json") || !strings.Contains(got.Body, `"code":"bad_request"`) {
				t.Errorf("%s: not a problem: %s", tt.query, got.Body)
			}
			continue
		}
		var p page
		if err := json.Unmarshal([]byte(got.Body), &p); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, r := range p.ListItems {
			names = append(names, r["name"].(string))
		}
		if strings.Join(names, ",") != tt.names || p.MetaData.PageCount != tt.count || p.MetaData.TotaltItemsCount != 3 {
			t.Errorf("%s: %v, meta %+v", tt.query, names, p.MetaData)
		}
	}
	if got := webtest.Do(t, c, http.MethodGet, base+"/ttd/skjema/api/datalists/nobody", nil); got.Status != http.StatusNotFound || !strings.Contains(got.Body, "datalist_not_found") {
		t.Errorf("unknown list: %d %s", got.Status, got.Body)
	}
}

// TestListComponentSetsFields picks a row of a List component without
// JavaScript: its bound fields take the row's values (typed by the model), the
// row shows as chosen, and a forged choice cannot write fields the component
// does not bind.
func TestListComponentSetsFields(t *testing.T) {
	base := newServerApps(t, listApp(t))
	c := webtest.Client(t)
	webtest.DevLogin(t, c, base+"/ttd/skjema/", olaPID)
	form := webtest.Do(t, c, http.MethodPost, base+"/ttd/skjema/new", url.Values{})
	inst := strings.SplitN(form.URL.String(), "/page/", 2)[0]
	page := webtest.Do(t, c, http.MethodGet, inst+"/page/people", nil)
	radios := regexp.MustCompile(`name="(_list:people-list)" value="([^"]+)"`).FindAllStringSubmatch(page.Body, -1)
	if page.Status != http.StatusOK || len(radios) != 3 {
		t.Fatalf("list page: %d, %d radios\n%s", page.Status, len(radios), page.Body)
	}
	choice := strings.ReplaceAll(radios[2][2], "&amp;", "&")
	saved := webtest.Do(t, c, http.MethodPost, inst+"/page/people", url.Values{radios[2][1]: {choice}, "_action": {"save"}})
	if saved.Status != http.StatusOK || !regexp.MustCompile(`value="`+regexp.QuoteMeta(radios[2][2])+`"[^>]*checked`).MatchString(saved.Body) {
		t.Fatalf("after choosing Åse: %d\n%s", saved.Status, saved.Body)
	}
	page1 := webtest.Do(t, c, http.MethodGet, inst+"/page/page1", nil)
	if !strings.Contains(page1.Body, `value="Åse"`) || !strings.Contains(page1.Body, `value="63"`) {
		t.Errorf("page 1 does not show the chosen row's name and age:\n%s", page1.Body)
	}

	forged := url.Values{"name": {"Mallory"}, "color": {"red"}}.Encode()
	webtest.Do(t, c, http.MethodPost, inst+"/page/people", url.Values{radios[0][1]: {forged}, "_action": {"save"}})
	_, model := instanceDoc(t, c, base, "skjema", form.URL)
	if model["name"] != "Mallory" || model["age"] != float64(63) {
		t.Errorf("the bound fields of the choice: %v", model)
	}
	if _, ok := model["color"]; ok {
		t.Errorf("a forged choice wrote color, which the List does not bind: %v", model)
	}
}

// TestBrowserListAutosave chooses a List row in Chromium with the script: the
// choice autosaves like any field and is still chosen after a reload; axe on the
// page.
func TestBrowserListAutosave(t *testing.T) {
	base := newServerApps(t, listApp(t))
	b := browser.New(t)
	browserLogin(t, b, base+"/ttd/skjema/", olaPID, "")
	b.ClickNav(`form[action$="/new"] button`)
	inst := strings.SplitN(b.URL(), "/page/", 2)[0]
	b.Navigate(inst + "/page/people")
	b.Axe()
	b.Click(`input[name="_list:people-list"][value*="age=63"]`)
	b.WaitFor("the autosave", `document.getElementById("bl-status").textContent === "Lagret"`)
	b.Navigate(inst + "/page/people")
	if !browser.Eval[bool](b, `document.querySelector('input[name="_list:people-list"][value*="age=63"]').checked`) {
		t.Errorf("the chosen row is not chosen after a reload:\n%s", b.Text("main"))
	}
	checkConsole(t, b)
}

// TestInstanceListsAPI checks the instance-aware GET {instance}/datalists/{id}
// and {instance}/options/{id}: the owner gets the lists of the instance's
// release, another person 403 without the rows.
func TestInstanceListsAPI(t *testing.T) {
	base := newServerApps(t, listApp(t))
	ola := webtest.Client(t)
	webtest.DevLogin(t, ola, base+"/ttd/skjema/", olaPID)
	form := webtest.Do(t, ola, http.MethodPost, base+"/ttd/skjema/new", url.Values{})
	m := regexp.MustCompile(`/ttd/skjema/instance/(\d+/[0-9a-f-]{36})`).FindStringSubmatch(form.URL.Path)
	if m == nil {
		t.Fatalf("new: %d at %s", form.Status, form.URL)
	}
	inst := base + "/ttd/skjema/instances/" + m[1]
	if got := webtest.Do(t, ola, http.MethodGet, inst+"/datalists/people?size=2&sortColumn=age", nil); got.Status != http.StatusOK ||
		!strings.Contains(got.Body, `"listItems":[{"age":7,"job":"Elev","name":"Per"},{"age":41,"job":"Baker","name":"Kari"}]`) {
		t.Errorf("owner, data list: %d %s", got.Status, got.Body)
	}
	if got := webtest.Do(t, ola, http.MethodGet, inst+"/options/colors", nil); got.Status != http.StatusOK || !strings.HasPrefix(got.Body, `[{"value":`) {
		t.Errorf("owner, options: %d %s", got.Status, got.Body)
	}
	if got := webtest.Do(t, ola, http.MethodGet, inst+"/datalists/nobody", nil); got.Status != http.StatusNotFound || !strings.Contains(got.Body, "datalist_not_found") {
		t.Errorf("owner, unknown list: %d %s", got.Status, got.Body)
	}
	per := webtest.Client(t)
	webtest.DevLogin(t, per, base+"/ttd/skjema/", perPID)
	for _, path := range []string{"/datalists/people", "/options/colors"} {
		if got := webtest.Do(t, per, http.MethodGet, inst+path, nil); got.Status != http.StatusForbidden || strings.Contains(got.Body, "Kari") {
			t.Errorf("another person, %s: %d %s", path, got.Status, got.Body)
		}
	}
}
