// SPDX-License-Identifier: MIT

package render

import (
	"time"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/expr"
)

// Mode says whether the user may change what is shown.
type Mode uint8

// The modes.
const (
	// Edit renders inputs, row buttons and process buttons.
	Edit Mode = iota
	// ReadOnly renders every field read-only and leaves out what would
	// change the instance (row, upload and process buttons); navigation
	// stays.
	ReadOnly
)

// Context is what pages and summaries are rendered from.
type Context struct {
	App *app.App
	// LayoutSet is the layout set id; when "" the set of TaskID is used,
	// or the app's only set.
	LayoutSet string
	// TaskID is the current process task (expressions, current-task
	// attachment lists, summaries of earlier tasks).
	TaskID string
	// Data holds the form data by data type id, each the decoded JSON of
	// the model's root element content (map[string]any, []any, string,
	// float64 or json.Number, bool, nil). A missing data type reads as
	// empty.
	Data map[string]any
	// Language is nb, nn or en; texts missing in it fall back to nb, and
	// other languages get the app's texts with nb interface strings.
	Language string
	// Issues are the validation issues to show.
	Issues []Issue
	// URLs builds every URL in the output; nil means QueryURLs{}.
	URLs URLs
	// Elements are the instance's data elements: attachments (shown by
	// FileUpload and AttachmentList, their data type is the FileUpload's
	// component id) and subform entries (with Data).
	Elements []DataElement
	// Instance and Auth feed the expressions' instanceContext and
	// authContext.
	Instance *expr.Instance
	Auth     map[string]bool
	// Payment is the order shown by Payment and PaymentDetails, if known.
	Payment *Payment
	// Options are option lists by optionsId that the runtime resolved
	// itself (code lists from HTTP sources, instance-specific lists); they
	// win over the app's static options/ files.
	Options map[string][]expr.Option
	// DataLists are the rows of List components by dataListId, for lists the
	// runtime gets elsewhere; the app's static datalists/ files fill the rest.
	DataLists map[string][]map[string]any
	// Now is the time relative dates (minDate "today") are computed from;
	// zero means time.Now().
	Now time.Time
	// Report, when set, receives what the renderer tolerated: components
	// it could not render and expressions that failed.
	Report *Report
}

// PageInput is what RenderPage renders.
type PageInput struct {
	Context
	// Page is the page id.
	Page string
	Mode Mode
	// OpenRows are the repeating-group rows open for editing (Component
	// the group, Rows the full row path). A group instance with none listed
	// opens the row its edit.openByDefault names.
	OpenRows []Target
	// HiddenFields are extra hidden inputs of the form (name → value), for
	// the runtime's own state such as a data element version.
	HiddenFields map[string]string
	// ShowHidden renders components whose hidden expression is true, marked
	// data-hidden; studio's preview and the tests use it.
	ShowHidden bool
}

// SummaryInput is what RenderSummary renders: every visible page of the
// layout set, read-only.
type SummaryInput struct {
	Context
	// Title is the h1; "" uses the app's title.
	Title string
	// EditLinks adds a "change" link beside every answer, to its page.
	EditLinks bool
	// PDF renders the summary for the PDF receipt: the pages and components the
	// layout set's Settings.json excludes from the PDF (pages.excludeFromPdf,
	// components.excludeFromPdf) are left out, and a pages.pdfLayoutName naming
	// a page of the set replaces the summary with that page, read-only.
	PDF bool
}

// DataElement is a data element of the instance.
type DataElement struct {
	ID          string
	DataType    string
	Filename    string
	ContentType string
	Size        int64
	// Tags are the FileUploadWithTag tags (option values).
	Tags []string
	// Data is the decoded form data of a subform entry.
	Data any
}

// Payment is an order to pay, as the runtime's payment processor knows it.
type Payment struct {
	Currency string
	Lines    []PaymentLine
	// Status is "created", "paid", "failed" or "skipped".
	Status string
}

// PaymentLine is one line of an order.
type PaymentLine struct {
	Name     string
	Quantity float64
	// Price is the unit price including VAT.
	Price float64
}

// Report collects what a render tolerated.
type Report struct {
	// Unsupported lists components shown as a "not supported" notice.
	Unsupported []Note
	// Problems lists expressions and references that failed; the
	// component was rendered with defaults (not hidden, not required).
	Problems []Note
}

// Note is one entry of a Report.
type Note struct {
	Component string
	Type      string
	Message   string
}

func (r *Report) unsupported(id, typ string) {
	if r != nil {
		r.Unsupported = append(r.Unsupported, Note{Component: id, Type: typ, Message: "no renderer for " + typ})
	}
}

func (r *Report) problem(id, msg string) {
	if r != nil && len(r.Problems) < 1000 {
		r.Problems = append(r.Problems, Note{Component: id, Message: msg})
	}
}
