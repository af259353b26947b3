// SPDX-License-Identifier: MIT

package instances

import (
	"os"
	"testing"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/runtime/internal/apphost"
)

// TestPDFOnTaskEnd: which task end makes a PDF receipt (app-lib-dotnet v8's rule,
// with ref-data-as-pdf required).
func TestPDFOnTaskEnd(t *testing.T) {
	yes, no := true, false
	pdfType := &app.DataType{ID: PDFDataType, AllowedContentTypes: []string{"application/pdf"}}
	form := func(id, task string, enable *bool) *app.DataType {
		return &app.DataType{ID: id, TaskID: task, EnablePdfCreation: enable, AppLogic: &app.AppLogic{ClassRef: "Altinn.App.Models." + id}}
	}
	attachment := &app.DataType{ID: "vedlegg", TaskID: "Task_1", AllowedContentTypes: []string{"application/pdf"}}
	meta := func(types ...*app.DataType) *app.Metadata { return &app.Metadata{DataTypes: types} }
	tests := []struct {
		name string
		meta *app.Metadata
		task string
		held []string
		want bool
	}{
		{"form of the task, enablePdfCreation unset (default true)", meta(pdfType, form("model", "Task_1", nil)), "Task_1", []string{"model"}, true},
		{"form of the task, enablePdfCreation true", meta(pdfType, form("model", "Task_1", &yes)), "Task_1", []string{"model", PDFDataType}, true},
		{"form of the task, enablePdfCreation false", meta(pdfType, form("model", "Task_1", &no)), "Task_1", []string{"model"}, false},
		{"one of two forms enabled", meta(pdfType, form("a", "Task_1", &no), form("b", "Task_1", nil)), "Task_1", []string{"a", "b"}, true},
		{"enabled form not held by the instance", meta(pdfType, form("a", "Task_1", &no), form("b", "Task_1", nil)), "Task_1", []string{"a"}, false},
		{"form of another task", meta(pdfType, form("model", "Task_1", nil)), "Task_2", []string{"model"}, false},
		{"no ref-data-as-pdf type", meta(form("model", "Task_1", nil)), "Task_1", []string{"model"}, false},
		{"only an attachment type on the task", meta(pdfType, attachment), "Task_1", []string{"vedlegg"}, false},
		{"signing task with json types only", meta(pdfType, form("model", "Task_1", nil),
			&app.DataType{ID: "signature", TaskID: "Task_2", AllowedContentTypes: []string{"application/json"}, EnablePdfCreation: &no}), "Task_2", []string{"model", "signature"}, false},
		{"no current task", meta(pdfType, form("model", "", nil)), "", []string{"model"}, false},
		{"no metadata", nil, "Task_1", []string{"model"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PDFOnTaskEnd(tt.meta, tt.task, tt.held); got != tt.want {
				t.Errorf("PDFOnTaskEnd = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestPDFJobElementID: one element per pass through a task, the same for every
// run of the same job.
func TestPDFJobElementID(t *testing.T) {
	job := PDFJob{Org: "ttd", App: "a", PartyID: 1, GUID: "0b0e5b5c-2b8e-4a57-8f0e-9d8f2f6f8a11", TaskID: "Task_1", Flow: 2}
	id := job.ElementID()
	if again := job.ElementID(); again != id {
		t.Errorf("ids %s and %s for one job", id, again)
	}
	for _, other := range []PDFJob{{GUID: job.GUID, TaskID: "Task_1", Flow: 4}, {GUID: job.GUID, TaskID: "Task_2", Flow: 2},
		{GUID: "1b0e5b5c-2b8e-4a57-8f0e-9d8f2f6f8a11", TaskID: "Task_1", Flow: 2}} {
		if other.ElementID() == id {
			t.Errorf("job %+v has the id of %+v", other, job)
		}
	}
}

// TestPDFFilename: the named text or the app title in the language, safe as a
// file name.
func TestPDFFilename(t *testing.T) {
	rel := func(title map[string]string) *apphost.Release {
		return &apphost.Release{ID: "ttd/app", App: &app.App{Metadata: &app.Metadata{Title: title}}}
	}
	tests := []struct {
		title map[string]string
		lang  string
		want  string
		key   string
	}{
		{map[string]string{"nb": "Søknad", "en": "Application"}, "en", "Application.pdf", ""},
		{map[string]string{"nb": "Søknad", "en": "Application"}, "nn", "Søknad.pdf", ""},
		{map[string]string{"nb": `Skatt/avgift: "2024"`}, "nb", "Skatt-avgift- -2024-.pdf", ""},
		{nil, "nb", "ttd-app.pdf", ""},
		{map[string]string{"nb": "  "}, "nb", "ttd-app.pdf", ""},
		{map[string]string{"nb": "Søknad"}, "nb", "Søknad.pdf", "no.such.text"},
	}
	for _, tt := range tests {
		if got := PDFFilename(rel(tt.title), tt.lang, tt.key); got != tt.want {
			t.Errorf("PDFFilename(%v, %s) = %q, want %q", tt.title, tt.lang, got, tt.want)
		}
	}
}

// TestPDFFilenameFromText: a pdf service task's filenameTextResourceKey names the
// file in the language, falling back to nb, with one ".pdf".
func TestPDFFilenameFromText(t *testing.T) {
	a, err := app.Load(os.DirFS(testcorpus.Path(t, "apps", "signing-test")), app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rel := &apphost.Release{ID: "ttd/signing-test", App: a}
	if got := PDFFilename(rel, "nb", "Form.Input-income.title"); got != "Inntekt.pdf" {
		t.Errorf("nb: %q, want Inntekt.pdf", got)
	}
	if got := PDFFilename(rel, "se", "Form.Input-income.title"); got != "Inntekt.pdf" {
		t.Errorf("a language the app lacks: %q, want the nb text", got)
	}
}
