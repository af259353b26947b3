// SPDX-License-Identifier: MIT

// Package render turns an app's pages and task summaries into plain HTML
// fragments that use Digdir Designsystemet's CSS class names
// and WCAG 2.1 AA semantics. The runtime wraps a fragment with its page
// chrome, sessions and saving; studio's preview shows the same fragment, so
// browser, preview and PDF never disagree.
//
// # API
//
// New builds a Renderer; it is shared and safe
// for concurrent use. RenderPage renders one page of a layout set as a
// <form>; RenderSummary renders every visible page of a layout set as a
// read-only summary (confirm step, receipt, PDF). Both take a Context: the
// *app.App, the layout set (or the task whose set to use), the form data
// per data type as decoded JSON, the language, validation Issues, the
// instance's data elements, URLs, and a Report that collects what was
// tolerated (components without a renderer, expressions that failed).
// Components are built in Go into a small view model first (ids, texts,
// heading levels, buttons), and the printers (html*.go) only print it.
//
// # Escaping
//
// The printers write through appframework/htmlw, which escapes text, quoted
// attribute values and URL attributes exactly as html/template does (its
// tests compare the two on the same input, and fuzz them). They replaced
// html/template, which DESIGN.md names for this package, because its
// reflection was a third of the CPU of a form page. The templates are kept in
// testdata/oracle, and the oracle tests require the same bytes from both on
// every corpus page and on random view trees (one deliberate difference: +
// in a heading's attributes is escaped like in every other attribute). What
// html/template guaranteed by itself is kept by TestPrintersEscape
// (htmlw/rawcheck), which fails where view data could reach the unescaped
// Raw, so every string goes through Text, Attr or URL, and only values typed
// template.HTML, which the build step made safe, are written as they are.
//
// # Forms without JavaScript
//
// Every page works as a plain HTML form posted in full. The form has
// novalidate (the server validates; browser validation would block "back"
// and "add row"), and is multipart/form-data when the page has a file input.
// The runtime must follow these conventions:
//
//   - A data field's name is FieldName: the indexed binding path
//     ("Skjema.Person[1].Navn"), prefixed "dataType:" when the binding
//     targets another data type than the layout set's. ParseFieldName reads
//     it back. Values are strings; the runtime converts them to the model's
//     types with the field tree.
//   - Checkboxes and MultipleSelect post one value per checked option after
//     a hidden empty value of the same name, so "none checked" is posted
//     too: drop the empty values and join the rest with "," (or store a
//     list for a list binding).
//   - Read-only fields are readonly or disabled; the runtime must ignore
//     posted values for fields that are read-only or hidden.
//   - Every button is <button name="_action" value="…">; ParseAction reads
//     the value: save (the form's first, visually hidden button, so Enter
//     saves), next, back, page:<id>, submit, print, process:<action>,
//     custom:<component>[:rows], instantiate[:<component>],
//     addRow:<group>[:<parent rows>], editRow|saveRow|deleteRow:<group>:<rows>,
//     upload:<component>[:rows], deleteFile:<component>:<rows>:<dataElementId>,
//     lookup:<component>[:rows], addSubform:<component>,
//     editSubform|deleteSubform:<component>::<dataElementId>.
//     Rows are dot-separated indices, outermost first ("1.0"). The runtime
//     saves the posted fields, performs the action and renders again.
//   - File inputs are named "_file:<component>[:rows]" (the component id is
//     the attachment data type), FileUploadWithTag's tag select
//     "_tag:<component>[:rows]", and a List component's radios
//     "_list:<component>[:rows]" with a value ParseListChoice reads into
//     the fields to set. Checkboxes and MultipleSelect bound to a group post
//     "_rows:<component>[:rows]" (RowsPrefix); GroupChoiceOf says where the
//     runtime stores each chosen value as a row.
//   - Which repeating-group rows are open for editing is the runtime's
//     state: PageInput.OpenRows lists them (group id and full row path). A
//     nil list lets edit.openByDefault decide; a non-nil list is the whole
//     state. Multi-page row editing shows all the row's fields at once;
//     pagination shows all rows.
//
// # Accessibility
//
// Every input has a label[for] (or aria-labelledby in List tables);
// radios, checkboxes, Address and Likert questions are fieldsets with a
// legend; descriptions, help texts and validation messages are tied to their
// field with aria-describedby, and a field with an error has
// aria-invalid="true". Required fields say so in text (a Designsystemet tag
// in the label) and carry required (radio groups: aria-required on the
// radiogroup). DOM ids are the component ids with Altinn's row suffix
// ("navn-1-0"), made safe and unique ("_2" for repeats). The fragment has
// one h1: the first top-level Header of size L or h2 when no heading comes
// before it, else the page's title (the text with the page id as key, or
// the app's name) added at the top. Headings then never skip a level:
// Header sizes, group titles (Group headingLevel) and Markdown headings in
// texts are clamped to one below the previous heading. The error summary
// follows the h1 with an h2 and links to each error's field (on another
// page: to that page with the field's id).
//
// # Texts
//
// Text resource bindings are text keys, literal text or expressions whose
// result is looked up as a key; variables (dataModel, instanceContext,
// applicationSettings) are filled in the component's row by the expression
// language, with nb as the fallback language. Texts are rendered as a safe
// Markdown subset (paragraphs, line breaks, headings, lists, emphasis,
// strong, links to http(s), mailto and relative URLs, and the attribute-free
// tags <br>, <b>, <strong>, <i>, <em> that Altinn texts use); everything else
// is escaped.
//
// # Components
//
// Every component type of app-frontend v4 renders. Those that need the
// runtime render their accessible static form: FileUpload as a file input
// with the attachments given in Context.Elements; Map as a coordinate text
// field; Payment as the order in Context.Payment with a pay button; Subform
// as a table of its entries with add, edit and delete buttons; List from
// Context.DataLists; options from C# providers from Context.Options. Tabs are
// titled sections and Accordions <details>, readable without script. A type
// without a renderer (SigneeList, SigningDocumentList, AddToList, Custom,
// unknown types) renders a visible notice and is listed in
// Report.Unsupported.
//
// The stylesheet is vendored, pinned, in assets/designsystemet (refresh with
// `make vendor-designsystemet`) and served from Assets.
package render
