// SPDX-License-Identifier: MIT

package app

import (
	"encoding/json"

	"github.com/blankett/blankett/appframework/component"
)

// Settings is a Settings.json: page order and page settings of one layout
// set, or (for UISettings) the app-wide defaults.
type Settings struct {
	File  string       `json:"-"`
	Pages PageSettings `json:"pages"`
	// Components.ExcludeFromPdf lists component ids left out of the PDF.
	Components struct {
		ExcludeFromPdf []string `json:"excludeFromPdf"`
	} `json:"components"`
	// DefaultDataType and Type are v9's replacements for layout-sets.json.
	DefaultDataType string          `json:"defaultDataType"`
	Type            string          `json:"type"`
	Raw             json.RawMessage `json:"-"`
}

// PageSettings is the pages section of Settings.json.
type PageSettings struct {
	// Order lists the page ids; Groups is the newer grouped alternative.
	Order                  []string        `json:"order"`
	Groups                 []PageGroup     `json:"groups"`
	ExcludeFromPdf         []string        `json:"excludeFromPdf"`
	PdfLayoutName          string          `json:"pdfLayoutName"`
	ShowProgress           *bool           `json:"showProgress"`
	ShowLanguageSelector   *bool           `json:"showLanguageSelector"`
	HideCloseButton        *bool           `json:"hideCloseButton"`
	ShowExpandWidthButton  *bool           `json:"showExpandWidthButton"`
	ExpandedWidth          *bool           `json:"expandedWidth"`
	AutoSaveBehavior       string          `json:"autoSaveBehavior"`
	TaskNavigation         json.RawMessage `json:"taskNavigation"`
	ValidationOnNavigation json.RawMessage `json:"validationOnNavigation"`
	NavigationTitle        *component.Expr `json:"navigationTitle"`
	HideAppNameInPdf       *component.Expr `json:"hideAppNameInPdf"`
	// ReceiptLayoutName and Triggers are v3 keys.
	ReceiptLayoutName string   `json:"receiptLayoutName"`
	Triggers          []string `json:"triggers"`
}

// PageGroup is one group of pages.groups.
type PageGroup struct {
	Name              string   `json:"name"`
	Order             []string `json:"order"`
	Type              string   `json:"type"`
	MarkWhenCompleted *bool    `json:"markWhenCompleted"`
	ExpandedByDefault *bool    `json:"expandedByDefault"`
}

// PageOrder returns the configured page order: pages.order, or the pages of
// pages.groups in turn. It is nil when neither is given.
func (s *Settings) PageOrder() []string {
	if s == nil {
		return nil
	}
	if s.Pages.Order != nil {
		return s.Pages.Order
	}
	var out []string
	for _, g := range s.Pages.Groups {
		out = append(out, g.Order...)
	}
	return out
}

func (l *loader) loadSettings(file string) *Settings {
	data, ok := l.read(file)
	if !ok {
		return nil
	}
	s := &Settings{File: file}
	if e := decodeFile(file, data, s); e != nil {
		l.p.add(e)
		return nil
	}
	s.Raw = relax(data)
	for _, e := range []struct {
		ptr string
		x   *component.Expr
	}{{"/pages/navigationTitle", s.Pages.NavigationTitle}, {"/pages/hideAppNameInPdf", s.Pages.HideAppNameInPdf}} {
		if e.x != nil && e.x.Err != nil {
			l.p.add(fileErr(file, e.ptr, ErrInvalid, "%v", e.x.Err))
		}
	}
	if len(s.Pages.Triggers) > 0 {
		l.p.issue(Issue{File: file, Pointer: "/pages/triggers", Severity: "info", Code: "v3-rewrite",
			Message: "v3 page triggers are replaced in v4 by validateOnNext on NavigationButtons"})
	}
	return s
}
