// SPDX-License-Identifier: MIT

package render

import "github.com/blankett/blankett/appframework/expr/layouttree"

// pdfPage prepares a summary for the PDF receipt when pdf is set: it records
// the pages and components Settings.json excludes from the PDF
// (pages.excludeFromPdf, components.excludeFromPdf) and returns the page
// pages.pdfLayoutName names, which then replaces the summary, or nil.
func (st *state) pdfPage(pdf bool) *layouttree.Node {
	s := st.set.Settings
	if !pdf || s == nil {
		return nil
	}
	st.pdfPages, st.pdfComps = idSet(s.Pages.ExcludeFromPdf), idSet(s.Components.ExcludeFromPdf)
	if s.Pages.PdfLayoutName == "" {
		return nil
	}
	pn := st.pageNode(s.Pages.PdfLayoutName)
	if pn != nil {
		pn.Reveal() // the page order leaves it out, which hides it
	}
	return pn
}

// idSet is ids as a set.
func idSet(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
