// SPDX-License-Identifier: MIT

package app_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/instances"
)

// TestDataTags runs the tags of a data element: add (201, once), list, replace,
// delete (204), refusals of bad tags and bodies (400), and 403 with no tags in the
// body for another citizen.
func TestDataTags(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok := e.token(t, e.dagl)
		r := e.do(t, tok, http.MethodPost, "/ttd/signing-test/instances?instanceOwnerPartyId="+strconv.FormatInt(e.orgParty, 10), nil)
		var inst instances.Instance
		r.JSON(t, &inst)
		tags := "/ttd/signing-test/instances/" + inst.ID + "/data/" + inst.Data[0].ID + "/tags"
		list := func(r response) []string {
			t.Helper()
			var l struct{ Tags []string }
			if err := json.Unmarshal(r.Body, &l); err != nil || l.Tags == nil {
				t.Fatalf("not a TagsList: %s", r.Body)
			}
			return l.Tags
		}
		steps := []struct {
			method, path, body string
			status             int
			want               string // the tags after, comma-joined; "-" when the answer has none
		}{
			{http.MethodGet, tags, "", http.StatusOK, ""},
			{http.MethodPost, tags, `"kvittering"`, http.StatusCreated, "kvittering"},
			{http.MethodPost, tags, `"Bilde_øst-1"`, http.StatusBadRequest, "-"},
			{http.MethodPost, tags, `"bilde_øst"`, http.StatusCreated, "bilde_øst,kvittering"},
			{http.MethodPost, tags, `"kvittering"`, http.StatusCreated, "bilde_øst,kvittering"},
			{http.MethodPost, tags, `kvittering`, http.StatusBadRequest, "-"},
			{http.MethodPost, tags, `""`, http.StatusBadRequest, "-"},
			{http.MethodPut, tags, `{"tags": ["a", "b", "a"]}`, http.StatusOK, "a,b"},
			{http.MethodPut, tags, `{"tags": ["a b"]}`, http.StatusBadRequest, "-"},
			{http.MethodDelete, tags + "/a", "", http.StatusNoContent, "-"},
			{http.MethodDelete, tags + "/nothing", "", http.StatusNoContent, "-"},
			{http.MethodGet, tags, "", http.StatusOK, "b"},
		}
		for _, s := range steps {
			var body []byte
			if s.body != "" {
				body = []byte(s.body)
			}
			r := e.do(t, tok, s.method, s.path, body, "Content-Type", "application/json")
			if r.Status != s.status {
				t.Fatalf("%s %s %s: %d, want %d: %s", s.method, s.path, s.body, r.Status, s.status, r.Body)
			}
			if s.status == http.StatusBadRequest && !bytes.Contains(r.Body, []byte(`"code":"`)) {
				t.Errorf("%s %s: no problem code: %s", s.method, s.body, r.Body)
			}
			if s.want != "-" {
				if got := list(r); joinTags(got) != s.want {
					t.Errorf("%s %s %s: tags %v, want %s", s.method, s.path, s.body, got, s.want)
				}
			}
		}
		// The instance document carries them too.
		r = e.do(t, tok, http.MethodGet, "/ttd/signing-test/instances/"+inst.ID, nil)
		r.JSON(t, &inst)
		if joinTags(inst.Data[0].Tags) != "b" {
			t.Errorf("instance document tags %v", inst.Data[0].Tags)
		}
		other := e.token(t, e.citizen)
		for _, m := range []string{http.MethodGet, http.MethodPost} {
			if r := e.do(t, other, m, tags, []byte(`"x"`), "Content-Type", "application/json"); r.Status != http.StatusForbidden || bytes.Contains(r.Body, []byte(`"tags"`)) {
				t.Errorf("%s as another citizen: %d %s", m, r.Status, r.Body)
			}
		}
	})
}

func joinTags(tags []string) string { return strings.Join(tags, ",") }
