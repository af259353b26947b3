// SPDX-License-Identifier: MIT

package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/openapitest"
	"github.com/blankett/blankett/studio/api"
	"github.com/getkin/kin-openapi/openapi3filter"
)

func init() {
	// XML bodies (process, policy, XSD) are checked as text.
	openapi3filter.RegisterBodyDecoder("application/xml", openapi3filter.PlainBodyDecoder)
	// The preview and its stylesheets too.
	openapi3filter.RegisterBodyDecoder("text/html", openapi3filter.PlainBodyDecoder)
	openapi3filter.RegisterBodyDecoder("text/css", openapi3filter.PlainBodyDecoder)
}

// TestAppExchangesMatchSpec walks the app and editing routes as the dev user does in
// the designer — create an app, read, save every kind of file, rename, undo, merge —
// good and bad requests alike; every exchange must match the document.
func TestAppExchangesMatchSpec(t *testing.T) {
	s := newServer(t)
	f := &flow{t: t, s: s, v: openapitest.NewValidator(t, openapitest.Load(t, api.Spec()))}
	const v1 = "/studio/api/v1"
	const app = v1 + "/orgs/ttd/apps/demo"
	dev := func(r *http.Request) *http.Request { r.SetBasicAuth("dev", devPassword); return r }
	raw := func(method, path, ctype, body, parent string) *http.Request {
		r := dev(jsonRequest(method, path, nil))
		r.Body = http.NoBody
		if body != "" {
			r = dev(with(jsonRequest(method, path, nil)))
			r.Body, r.ContentLength = nopCloser(body), int64(len(body))
			r.Header.Set("Content-Type", ctype)
		}
		if parent != "" {
			r.Header.Set("If-Match", `"`+parent+`"`)
		}
		return r
	}

	f.call(jsonRequest("GET", v1+"/orgs/ttd/apps", nil), 401, "login_required", false)
	f.call(dev(jsonRequest("POST", v1+"/orgs/ttd/apps", map[string]string{"name": "demo"})), 201, "", false)
	f.call(dev(jsonRequest("POST", v1+"/orgs/ttd/apps", map[string]string{"name": "demo"})), 409, "already_exists", false)
	f.call(dev(jsonRequest("GET", v1+"/orgs/ttd/apps?q=dem", nil)), 200, "", false)
	f.call(dev(jsonRequest("GET", v1+"/orgs/nope/apps", nil)), 404, "not_found", false)
	ex := f.call(dev(jsonRequest("GET", app, nil)), 200, "", false)
	head := decode[struct{ Main struct{ Commit string } }](t, ex).Main.Commit

	ex = f.call(dev(jsonRequest("GET", app+"/files?path=App/ui/form/layouts/side1.json", nil)), 200, "", false)
	layout := string(ex.Body)
	f.call(dev(jsonRequest("GET", app+"/files?path=App/", nil)), 200, "", false)
	f.call(dev(jsonRequest("GET", app+"/files?path=App/nope.json", nil)), 404, "not_found", false)
	f.call(dev(jsonRequest("GET", app+"/datamodels", nil)), 200, "", false)
	f.call(dev(jsonRequest("GET", app+"/layouts?ref=main", nil)), 200, "", false)
	f.call(dev(jsonRequest("GET", app+"/preview/form/side1?lang=nn", nil)), 200, "", false)
	f.call(dev(jsonRequest("GET", app+"/preview/form/nope", nil)), 404, "not_found", false)
	f.call(dev(jsonRequest("GET", app+"/preview/form/side1?lang=de", nil)), 400, "invalid_input", true)
	f.call(jsonRequest("GET", v1+"/preview-assets/designsystemet.css", nil), 200, "", false)

	f.call(raw("PUT", app+"/layouts/form/side1", "application/json", layout, ""), 428, "parent_required", false)
	f.call(raw("PUT", app+"/layouts/form/side1", "application/json", `{"data": {"layout": [}`, head), 400, "invalid_layout", true)
	ex = f.call(raw("PUT", app+"/layouts/form/side2", "application/json", `{"data":{"layout":[{"id":"p","type":"Paragraph","textResourceBindings":{"title":"send-inn"}}]}}`, head), 200, "", false)
	next := decode[struct{ Commit string }](t, ex).Commit
	f.call(raw("PUT", app+"/layouts/form/side2", "application/json", `{"data":{"layout":[]}}`, head), 409, "stale_parent", false)
	head = next
	save := func(r *http.Request, status int, code string) {
		t.Helper()
		ex := f.call(r, status, code, false)
		if status == 200 {
			head = decode[struct{ Commit string }](t, ex).Commit
		}
	}
	save(raw("PUT", app+"/layout-settings/form", "application/json", `{"pages":{"order":["side2","side1"]}}`, head), 200, "")
	save(dev(jsonRequest("PATCH", app+"/texts/en", map[string]any{"parent": head, "set": map[string]string{"appName": "Demo"}})), 200, "")
	save(raw("PUT", app+"/options/land", "application/json", `[{"value":"no","label":"Norge"}]`, head), 200, "")
	save(raw("PUT", app+"/process", "application/xml", "<definitions>", head), 400, "invalid_xml")
	save(raw("PUT", app+"/policy", "application/xml", "<Policy/>", head), 200, "")
	ex = f.call(dev(jsonRequest("GET", app+"/files?path=App/config/applicationmetadata.json&ref=main", nil)), 200, "", false)
	save(raw("PUT", app+"/metadata", "application/json", string(ex.Body), head), 200, "")
	save(raw("POST", app+"/datamodels/melding/xsd", "application/xml", "not xml", head), 400, "invalid_xml")
	save(raw("POST", app+"/datamodels/melding/xsd", "application/xml",
		`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="Melding" type="xs:string"/></xs:schema>`, head), 200, "")
	ex = f.call(dev(jsonRequest("GET", app+"/files?path=App/models/model.schema.json", nil)), 200, "", false)
	save(raw("PUT", app+"/datamodels/model/schema", "application/json", string(ex.Body), head), 200, "")
	save(dev(jsonRequest("POST", app+"/rename/component", map[string]string{"parent": head, "from": "navn", "to": "p"})), 409, "name_taken")
	save(dev(jsonRequest("POST", app+"/rename/component", map[string]string{"parent": head, "from": "navn", "to": "fornavn"})), 200, "")
	save(dev(jsonRequest("POST", app+"/rename/text", map[string]string{"parent": head, "from": "send-inn", "to": "knapp.send"})), 200, "")
	ex = f.call(dev(jsonRequest("GET", app+"/history?ref=users/dev&limit=2", nil)), 200, "", false)
	last := decode[struct{ Commits []struct{ Hash string } }](t, ex).Commits[0].Hash
	save(dev(jsonRequest("POST", app+"/revert", map[string]string{"parent": head, "commit": last})), 200, "")
	f.call(raw("DELETE", app+"/layouts/form/side2", "", "", head), 200, "", false)
	f.call(dev(jsonRequest("POST", app+"/pull", nil)), 200, "", false)
	f.call(dev(jsonRequest("POST", app+"/merge", map[string]string{"message": "Ready"})), 200, "", false)
	f.call(dev(jsonRequest("POST", app+"/copy", map[string]string{"name": "demo-copy"})), 201, "", false)
	f.call(dev(jsonRequest("DELETE", v1+"/orgs/ttd/apps/demo-copy", nil)), 204, "", false)
}

type readCloser struct{ *strings.Reader }

func (readCloser) Close() error { return nil }

func nopCloser(s string) readCloser { return readCloser{strings.NewReader(s)} }
