// SPDX-License-Identifier: MIT

package app

import "github.com/blankett/blankett/appframework/expr"

// builtinTexts are Blankett's own wording for the text keys Altinn's app
// frontend ships with, which apps reference without defining (a "Neste"
// button bound to general.next). An app's own text with the same key wins.
var builtinTexts = map[string]map[string]string{
	"nb": {
		"general.next": "Neste", "general.back": "Tilbake", "general.submit": "Send inn",
		"general.cancel": "Avbryt", "general.edit": "Endre", "general.save": "Lagre",
		"general.save_and_close": "Lagre og lukk", "general.done": "Ferdig", "general.delete": "Slett",
		"general.add": "Legg til", "general.close": "Lukk", "general.confirm": "Bekreft",
		"general.continue": "Fortsett", "general.print": "Skriv ut", "general.loading": "Laster innhold",
		"general.required": "Må fylles ut", "general.optional": "Valgfri",
		"general.accessibility": "Tilgjengelighet", "general.accessibility_url": "https://www.uutilsynet.no/",
		"general.home": "Hjem", "general.search": "Søk", "general.select": "Velg",
		"confirm.title": "Se over og bekreft", "confirm.button_text": "Send inn",
		"confirm.sender": "Avsender", "receipt.title": "Skjemaet er sendt inn",
		"form_filler.back_to_summary": "Tilbake til oppsummering", "form_filler.error_required": "Du må fylle ut {0}",
		"form_filler.file_uploader_add_attachment": "Legg til flere vedlegg", "form_filler.file_uploader_list_delete": "Slett vedlegg",
		"form_filler.summary_item_change": "Endre", "form_filler.placeholder_user": "Velg …",
		"navigation.main": "Skjemanavigasjon", "navigation.form_pages": "Sider i skjemaet",
	},
	"nn": {
		"general.next": "Neste", "general.back": "Tilbake", "general.submit": "Send inn",
		"general.cancel": "Avbryt", "general.edit": "Endre", "general.save": "Lagre",
		"general.save_and_close": "Lagre og lukk", "general.done": "Ferdig", "general.delete": "Slett",
		"general.add": "Legg til", "general.close": "Lukk", "general.confirm": "Stadfest",
		"general.continue": "Hald fram", "general.print": "Skriv ut", "general.loading": "Lastar innhald",
		"general.required": "Må fyllast ut", "general.optional": "Valfri",
		"general.accessibility": "Tilgjenge", "general.accessibility_url": "https://www.uutilsynet.no/",
		"general.home": "Heim", "general.search": "Søk", "general.select": "Vel",
		"confirm.title": "Sjå over og stadfest", "confirm.button_text": "Send inn",
		"confirm.sender": "Avsendar", "receipt.title": "Skjemaet er sendt inn",
		"form_filler.back_to_summary": "Tilbake til oppsummeringa", "form_filler.error_required": "Du må fylle ut {0}",
		"form_filler.file_uploader_add_attachment": "Legg til fleire vedlegg", "form_filler.file_uploader_list_delete": "Slett vedlegg",
		"form_filler.summary_item_change": "Endre", "form_filler.placeholder_user": "Vel …",
		"navigation.main": "Skjemanavigasjon", "navigation.form_pages": "Sider i skjemaet",
	},
	"en": {
		"general.next": "Next", "general.back": "Back", "general.submit": "Submit",
		"general.cancel": "Cancel", "general.edit": "Edit", "general.save": "Save",
		"general.save_and_close": "Save and close", "general.done": "Done", "general.delete": "Delete",
		"general.add": "Add", "general.close": "Close", "general.confirm": "Confirm",
		"general.continue": "Continue", "general.print": "Print", "general.loading": "Loading content",
		"general.required": "Required", "general.optional": "Optional",
		"general.accessibility": "Accessibility", "general.accessibility_url": "https://www.uutilsynet.no/en/",
		"general.home": "Home", "general.search": "Search", "general.select": "Select",
		"confirm.title": "Review and confirm", "confirm.button_text": "Submit",
		"confirm.sender": "Sender", "receipt.title": "The form has been submitted",
		"form_filler.back_to_summary": "Back to the summary", "form_filler.error_required": "You must fill in {0}",
		"form_filler.file_uploader_add_attachment": "Add more attachments", "form_filler.file_uploader_list_delete": "Delete attachment",
		"form_filler.summary_item_change": "Change", "form_filler.placeholder_user": "Select …",
		"navigation.main": "Form navigation", "navigation.form_pages": "Pages of the form",
	},
}

// builtinSource serves builtinTexts of one language.
type builtinSource string

// Text returns the built-in text for key in the source's language.
func (b builtinSource) Text(key string) (expr.TextResource, bool) {
	v, ok := builtinTexts[string(b)][key]
	return expr.TextResource{Value: v}, ok
}
