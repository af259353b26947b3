// SPDX-License-Identifier: MIT

package forms_test

import (
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/testenv/webtest"
)

// TestUploadWithTag uploads through FileUploadWithTag without JavaScript: the tag
// chosen beside the file input is stored on the new element, shown by its label,
// and a tag that may not be stored is an issue on the component.
func TestUploadWithTag(t *testing.T) {
	page2, err := os.ReadFile("testdata/skjema/App/ui/form/layouts/page2.json")
	if err != nil {
		t.Fatal(err)
	}
	tagged := strings.Replace(string(page2), `"type": "FileUpload",`, `"type": "FileUploadWithTag", "optionsId": "colors",`, 1)
	base := newServerApps(t, fixtureWith(t, map[string]string{"App/ui/form/layouts/page2.json": tagged}))
	c := webtest.Client(t)
	webtest.DevLogin(t, c, base+"/ttd/skjema/", olaPID)
	form := webtest.Do(t, c, http.MethodPost, base+"/ttd/skjema/new", url.Values{})
	page := strings.SplitN(form.URL.String(), "/page/", 2)[0] + "/page/page2"
	shown := webtest.Do(t, c, http.MethodGet, page, nil)
	if !strings.Contains(shown.Body, `name="_tag:vedlegg"`) {
		t.Fatalf("page 2 lacks the tag select:\n%s", shown.Body)
	}
	if up := postFile(t, c, page, url.Values{"_tag:vedlegg": {"red"}, "_action": {"upload:vedlegg"}}, "_file:vedlegg", "a.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n"); up.Status != http.StatusOK {
		t.Fatalf("upload: %d\n%s", up.Status, up.Body)
	}
	inst, _ := instanceDoc(t, c, base, "skjema", form.URL)
	var tags []string
	for _, d := range inst.Data {
		if d.DataType == "vedlegg" {
			tags = d.Tags
		}
	}
	if strings.Join(tags, ",") != "red" {
		t.Fatalf("tags of the upload: %v", tags)
	}
	again := webtest.Do(t, c, http.MethodGet, page, nil)
	if !strings.Contains(again.Body, "a.pdf") || !strings.Contains(again.Body, "Rød") {
		t.Errorf("the file and its tag's label are not shown:\n%s", again.Body)
	}
	bad := postFile(t, c, page, url.Values{"_tag:vedlegg": {"<b>"}, "_action": {"upload:vedlegg"}}, "_file:vedlegg", "b.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n")
	if bad.Status != http.StatusUnprocessableEntity || !strings.Contains(bad.Body, "Filen er lastet opp, men merket kunne ikke lagres") {
		t.Errorf("a tag that may not be stored: %d\n%s", bad.Status, bad.Body)
	}
}
