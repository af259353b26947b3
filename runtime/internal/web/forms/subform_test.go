// SPDX-License-Identifier: MIT

package forms_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/testenv/webtest"
)

// subformStart logs Ola in for Fiktiv Bakeri AS on corpus app subform-test and
// creates an instance; it returns the server, the client and the form page.
func subformStart(t *testing.T) (string, *http.Client, webtest.Page) {
	t.Helper()
	base := newServerApps(t, corpusApp(t, "subform-test"))
	c := webtest.Client(t)
	webtest.DevLogin(t, c, base+"/ttd/subform-test/", olaPID)
	parties := webtest.Do(t, c, http.MethodGet, base+"/parties", nil)
	m := regexp.MustCompile(`id="party-(\d+)"[^>]*><label[^>]*>` + bakeriParty).FindStringSubmatch(parties.Body)
	if m == nil {
		t.Fatalf("%s not offered:\n%s", bakeriParty, parties.Body)
	}
	chosen := webtest.Do(t, c, http.MethodPost, base+"/parties", url.Values{"party": {m[1]}, "returnTo": {"/ttd/subform-test/"}})
	if chosen.Status != http.StatusOK {
		t.Fatalf("party choice: %d at %s\n%.600s", chosen.Status, chosen.URL, chosen.Body)
	}
	form := webtest.Do(t, c, http.MethodPost, base+"/ttd/subform-test/new", url.Values{})
	if form.Status != http.StatusOK || !strings.Contains(form.URL.Path, "/instance/") {
		t.Fatalf("new: %d at %s\n%.800s", form.Status, form.URL, form.Body)
	}
	return base, c, form
}

// instanceDoc reads the instance of form page u of app ttd/appName over the app
// API with the session, and the decoded form data of its "model" element.
func instanceDoc(t *testing.T, c *http.Client, base, appName string, u *url.URL) (inst struct {
	Data []struct {
		ID, DataType string
		Tags         []string
	}
}, model map[string]any) {
	t.Helper()
	path := regexp.MustCompile(`/instance/(\d+/[0-9a-f-]+)`).FindStringSubmatch(u.Path)
	if path == nil {
		t.Fatalf("no instance in %s", u)
	}
	api := base + "/ttd/" + appName + "/instances/" + path[1]
	got := webtest.Do(t, c, http.MethodGet, api, nil, "Accept", "application/json")
	if got.Status != http.StatusOK || json.Unmarshal([]byte(got.Body), &inst) != nil {
		t.Fatalf("instance: %d\n%s", got.Status, got.Body)
	}
	for _, d := range inst.Data {
		if d.DataType == "model" {
			m := webtest.Do(t, c, http.MethodGet, api+"/data/"+d.ID, nil, "Accept", "application/json")
			if m.Status != http.StatusOK || json.Unmarshal([]byte(m.Body), &model) != nil {
				t.Fatalf("model: %d\n%s", m.Status, m.Body)
			}
		}
	}
	return inst, model
}

// TestSubformEntries runs corpus app subform-test without JavaScript: an entry is
// added, edited on its own page, refused closing while required fields are empty,
// closed when valid and listed in the main form's table; an entry with errors
// blocks submitting until it is deleted; entries of the wrong kind or component
// are 404.
func TestSubformEntries(t *testing.T) {
	base, c, form := subformStart(t)
	if !strings.Contains(form.Body, `value="addSubform:subform-mopeder"`) {
		t.Fatalf("main page lacks the add button:\n%s", form.Body)
	}
	main := form.URL.String()

	added := webtest.Do(t, c, http.MethodPost, main, url.Values{"Navn": {"Ola"}, "Alder": {"40"}, "_action": {"addSubform:subform-mopeder"}})
	if added.Status != http.StatusOK || !strings.Contains(added.URL.Path, "/subform/subform-mopeder/") || !strings.Contains(added.Body, `name="RegNo"`) {
		t.Fatalf("add entry: %d at %s\n%s", added.Status, added.URL, added.Body)
	}
	entry := added.URL.String()
	elem := added.URL.Path[strings.LastIndex(added.URL.Path, "/")+1:]

	half := webtest.Do(t, c, http.MethodPost, entry, url.Values{"RegNo": {"AB12345"}, "Merke": {"Vespa"}, "_action": {"custom:subform-moped-exitButton"}})
	if half.Status != http.StatusConflict || !strings.Contains(half.Body, "ds-error-summary") {
		t.Fatalf("closing with required fields empty: %d at %s\n%s", half.Status, half.URL, half.Body)
	}
	if !strings.Contains(half.Body, `value="AB12345"`) {
		t.Errorf("the entry lost what was typed:\n%s", half.Body)
	}
	done := webtest.Do(t, c, http.MethodPost, entry, url.Values{"RegNo": {"AB12345"}, "Merke": {"Vespa"}, "Modell": {"GTS"},
		"EkstraInfoCheck": {"false"}, "Produksjonsaar": {"2019"}, "_action": {"custom:subform-moped-exitButton"}})
	if done.Status != http.StatusOK || strings.Contains(done.URL.Path, "/subform/") {
		t.Fatalf("closing a valid entry: %d at %s\n%s", done.Status, done.URL, done.Body)
	}
	// The extra-info column is empty, so it shows its default, a text resource.
	for _, want := range []string{"AB12345", "Vespa", "🥺", `value="editSubform:subform-mopeder::` + elem + `"`} {
		if !strings.Contains(done.Body, want) {
			t.Errorf("main page table lacks %q:\n%s", want, done.Body)
		}
	}
	if strings.Contains(done.Body, `value="Ola"`) == false {
		t.Errorf("the main form lost Navn posted with the add button")
	}

	// A second entry left empty: submitting names the Subform component.
	second := webtest.Do(t, c, http.MethodPost, main, url.Values{"_action": {"addSubform:subform-mopeder"}})
	elem2 := second.URL.Path[strings.LastIndex(second.URL.Path, "/")+1:]
	if second.Status != http.StatusOK || elem2 == elem {
		t.Fatalf("second entry: %d at %s", second.Status, second.URL)
	}
	blocked := webtest.Do(t, c, http.MethodPost, main, url.Values{"_action": {"submit"}})
	if blocked.Status != http.StatusConflict || !strings.Contains(blocked.Body, "Det er feil i en eller flere oppføringer") {
		t.Fatalf("submit with an invalid entry: %d at %s\n%s", blocked.Status, blocked.URL, blocked.Body)
	}

	// Wrong kinds of entries and components.
	for _, u := range []string{
		strings.Replace(entry, "subform-mopeder", "subform-boker", 1), // a moped is no book
		strings.Replace(entry, "subform-mopeder", "Input-Name", 1),    // not a Subform
		strings.Replace(entry, elem, "00000000-0000-0000-0000-000000000000", 1),
	} {
		if got := webtest.Do(t, c, http.MethodGet, u, nil); got.Status != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", u, got.Status)
		}
	}
	if got := webtest.Do(t, c, http.MethodPost, main, url.Values{"_action": {"editSubform:subform-boker::" + elem}}); got.Status != http.StatusNotFound {
		t.Errorf("editing a moped as a book: %d, want 404", got.Status)
	}

	gone := webtest.Do(t, c, http.MethodPost, main, url.Values{"_action": {"deleteSubform:subform-mopeder::" + elem2}})
	if gone.Status != http.StatusOK || strings.Contains(gone.Body, elem2) {
		t.Fatalf("delete entry: %d\n%s", gone.Status, gone.Body)
	}
	inst, _ := instanceDoc(t, c, base, "subform-test", gone.URL)
	mopeds := 0
	for _, d := range inst.Data {
		if d.DataType == "moped" {
			mopeds++
		}
	}
	if mopeds != 1 {
		t.Errorf("%d moped elements after the delete, want 1", mopeds)
	}
	receipt := webtest.Do(t, c, http.MethodPost, main, url.Values{"_action": {"submit"}})
	// The receipt's summary lists the entry, without buttons.
	if receipt.Status != http.StatusOK || !strings.HasSuffix(receipt.URL.Path, "/receipt") || !strings.Contains(receipt.Body, "AB12345") ||
		strings.Contains(receipt.Body, "editSubform:") {
		t.Fatalf("submit: %d at %s\n%s", receipt.Status, receipt.URL, receipt.Body)
	}
}

// TestUploadBoundToModel checks that a FileUpload with a list binding keeps the
// ids of its attachments in the form data, as Altinn's frontend does: the id is
// added on upload and removed on delete.
func TestUploadBoundToModel(t *testing.T) {
	base, c, form := subformStart(t)
	if up := postFile(t, c, form.URL.String(), url.Values{"Navn": {"Ola"}, "_action": {"upload:attachments"}},
		"_file:attachments", "bilde.png", "image/png", "\x89PNG\r\n\x1a\n not really a picture"); up.Status != http.StatusOK {
		t.Fatalf("upload: %d\n%s", up.Status, up.Body)
	}
	inst, model := instanceDoc(t, c, base, "subform-test", form.URL)
	var file string
	for _, d := range inst.Data {
		if d.DataType == "attachments" {
			file = d.ID
		}
	}
	ids, _ := model["AttachmentId"].([]any)
	if file == "" || len(ids) != 1 || ids[0] != file {
		t.Fatalf("after upload: attachment %q, model AttachmentId %v", file, model["AttachmentId"])
	}
	if model["Navn"] != "Ola" {
		t.Errorf("the field posted with the upload was not saved: %v", model["Navn"])
	}

	deleted := webtest.Do(t, c, http.MethodPost, form.URL.String(), url.Values{"_action": {"deleteFile:attachments::" + file}})
	if deleted.Status != http.StatusOK {
		t.Fatalf("delete: %d\n%s", deleted.Status, deleted.Body)
	}
	_, model = instanceDoc(t, c, base, "subform-test", form.URL)
	if ids, _ := model["AttachmentId"].([]any); len(ids) != 0 {
		t.Errorf("after delete, AttachmentId %v", model["AttachmentId"])
	}
}

// postFile posts fields and one file (part name field, with filename and content
// type) as multipart/form-data, as a browser without JavaScript does, and
// returns the final page.
func postFile(t *testing.T, c *http.Client, u string, fields url.Values, field, filename, contentType, content string) webtest.Page {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for k, vs := range fields {
		for _, v := range vs {
			_ = w.WriteField(k, v)
		}
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="`+field+`"; filename="`+filename+`"`)
	h.Set("Content-Type", contentType)
	part, err := w.CreatePart(h)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = part.Write([]byte(content))
	_ = w.Close()
	req, err := http.NewRequest(http.MethodPost, u, &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return webtest.Page{Status: resp.StatusCode, Body: string(b), URL: resp.Request.URL, Header: resp.Header}
}
