// SPDX-License-Identifier: MIT

package render

import (
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/sampledata"
)

// TestSummaryPDF: the PDF summary leaves out what Settings.json excludes from
// the PDF, and a pdfLayoutName page replaces it; the receipt summary (not PDF)
// keeps everything. Corpus apps: frontend-test's changename set excludes the
// page summary and the components confirmChangeName, mapSummaryHeader and
// map-location; payment-test's custom-receipt set names paymentReceipt.
func TestSummaryPDF(t *testing.T) {
	t.Parallel()
	r := New()
	summary := func(appName, set string, pdf bool) string {
		t.Helper()
		a := loadApp(t, appName)
		out, err := r.RenderSummary(SummaryInput{Context: Context{App: a, LayoutSet: set, Data: sampledata.ForApp(a, sampledata.Options{}),
			Now: fixedNow}, PDF: pdf})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range a11yProblems(string(out)) {
			t.Errorf("%s/%s (PDF %v): %s", appName, set, pdf, p)
		}
		return string(out)
	}

	full, pdf := summary("frontend-test", "changename", false), summary("frontend-test", "changename", true)
	for _, id := range []string{"confirmChangeName"} { // map-location is hidden anyway
		if !strings.Contains(full, id) {
			t.Errorf("the receipt summary lacks %s", id)
		}
		if strings.Contains(pdf, id) {
			t.Errorf("the PDF summary shows %s, which components.excludeFromPdf leaves out", id)
		}
	}
	if !strings.Contains(pdf, "bl-summary-form") {
		t.Error("the PDF summary lacks the page form, which is not excluded")
	}

	const receiptText = "Advarsel mot falske fakturaer"
	if got := summary("payment-test", "custom-receipt", true); !strings.Contains(got, receiptText) {
		t.Errorf("the PDF is not the pdfLayoutName page paymentReceipt:\n%s", got)
	}
	if got := summary("payment-test", "custom-receipt", false); strings.Contains(got, receiptText) {
		t.Error("the receipt summary shows the PDF layout")
	}
}
