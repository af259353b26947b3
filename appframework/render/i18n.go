// SPDX-License-Identifier: MIT

package render

// uiLanguages are the languages the renderer's own strings exist in.
var uiLanguages = []string{"nb", "nn", "en"}

// uiKey names one of the renderer's own strings.
type uiKey int

// The renderer's own strings; uiText holds them per language in this order.
const (
	uiRequired uiKey = iota
	uiOptional
	uiErrorSummary
	uiNext
	uiBack
	uiSave
	uiSubmit
	uiPrint
	uiPages
	uiAddRow
	uiEditRow
	uiCloseRow
	uiDeleteRow
	uiRow
	uiActions
	uiUpload
	uiDeleteFile
	uiNoFiles
	uiUnsupported
	uiAddress
	uiZipCode
	uiPostPlace
	uiCareOf
	uiHouseNumber
	uiSelect
	uiNoOptions
	uiNewTab
	uiHelp
	uiCoordinates
	uiSummary
	uiChange
	uiEmpty
	uiLookup
	uiSsn
	uiOrgNr
	uiName
	uiTotal
	uiQuantity
	uiPrice
	uiPay
	uiNoPayment
	uiNoRows
	uiAttachments
	uiTag
	uiSign
	uiReject
	uiConfirm
	uiInstantiate
	uiEdit
	uiDelete
	uiAdd
	uiInstance
	uiOwner
	uiRequiredMsg
	uiPatternMsg
	uiInvalidMsg
	uiRowsCount
	uiChoose
	uiPaid
	uiEntries
	uiMedia
	uiCount
	uiNoOptionsRequired
)

// uiText holds the strings in uiKey order for nb, nn and en.
var uiText = map[string][]string{
	"nb": {
		"Må fylles ut", "(valgfritt)", "For å gå videre må du rette opp følgende feil:", "Neste", "Forrige",
		"Lagre", "Send inn", "Skriv ut / lagre som PDF", "Sider", "Legg til ny", "Rediger", "Lagre og lukk",
		"Slett", "Rad", "Handlinger", "Last opp", "Slett vedlegg", "Ingen vedlegg er lastet opp.",
		"Denne delen av skjemaet kan ikke vises her", "Adresse", "Postnummer", "Poststed", "C/O eller annen tilleggsadresse",
		"Bolignummer", "Velg …", "Ingen valg er tilgjengelige.", "(åpnes i ny fane)", "Hjelp",
		"Koordinater (breddegrad, lengdegrad)", "Oppsummering", "Endre", "Ikke besvart", "Hent",
		"Fødselsnummer", "Organisasjonsnummer", "Navn", "Totalt", "Antall", "Pris", "Betal",
		"Betalingsinformasjonen er ikke tilgjengelig ennå.", "Ingen rader.", "Vedlegg", "Filtype",
		"Signer", "Avslå", "Bekreft", "Start", "Rediger", "Slett", "Legg til", "Instans", "Avgiver",
		"Feltet må fylles ut.", "Verdien har feil format.", "Verdien er ugyldig.", "%d rader", "Velg",
		"Betalt", "oppføringer", "Media", "Antall: %d",
		"Dette feltet må fylles ut, men det finnes ingen valg å velge mellom. Skjemaet kan derfor ikke sendes inn nå. Kontakt tjenesteeieren.",
	},
	"nn": {
		"Må fyllast ut", "(valfritt)", "For å gå vidare må du rette opp følgjande feil:", "Neste", "Førre",
		"Lagre", "Send inn", "Skriv ut / lagre som PDF", "Sider", "Legg til ny", "Rediger", "Lagre og lukk",
		"Slett", "Rad", "Handlingar", "Last opp", "Slett vedlegg", "Ingen vedlegg er lasta opp.",
		"Denne delen av skjemaet kan ikkje visast her", "Adresse", "Postnummer", "Poststad", "C/O eller annan tilleggsadresse",
		"Bustadnummer", "Vel …", "Ingen val er tilgjengelege.", "(opnar i ny fane)", "Hjelp",
		"Koordinatar (breiddegrad, lengdegrad)", "Oppsummering", "Endre", "Ikkje svart", "Hent",
		"Fødselsnummer", "Organisasjonsnummer", "Namn", "Totalt", "Tal", "Pris", "Betal",
		"Betalingsinformasjonen er ikkje tilgjengeleg enno.", "Ingen rader.", "Vedlegg", "Filtype",
		"Signer", "Avslå", "Stadfest", "Start", "Rediger", "Slett", "Legg til", "Instans", "Avgjevar",
		"Feltet må fyllast ut.", "Verdien har feil format.", "Verdien er ugyldig.", "%d rader", "Vel",
		"Betalt", "oppføringar", "Media", "Tal: %d",
		"Dette feltet må fyllast ut, men det finst ingen val å velje mellom. Skjemaet kan difor ikkje sendast inn no. Kontakt tenesteeigaren.",
	},
	"en": {
		"Required", "(optional)", "To continue, correct the following errors:", "Next", "Back",
		"Save", "Submit", "Print / save as PDF", "Pages", "Add new", "Edit", "Save and close",
		"Delete", "Row", "Actions", "Upload", "Delete attachment", "No attachments have been uploaded.",
		"This part of the form cannot be shown here", "Address", "Postcode", "Post town", "C/O or other additional address",
		"Flat number", "Select …", "No options are available.", "(opens in a new tab)", "Help",
		"Coordinates (latitude, longitude)", "Summary", "Change", "Not answered", "Look up",
		"National identity number", "Organisation number", "Name", "Total", "Quantity", "Price", "Pay",
		"Payment information is not available yet.", "No rows.", "Attachments", "File type",
		"Sign", "Reject", "Confirm", "Start", "Edit", "Delete", "Add", "Instance", "Owner",
		"This field is required.", "The value has the wrong format.", "The value is invalid.", "%d rows", "Choose",
		"Paid", "entries", "Media", "Count: %d",
		"This field is required, but there are no options to choose from, so the form cannot be submitted now. Contact the service owner.",
	},
}

// uiLang maps a requested language to one the renderer has strings in.
func uiLang(lang string) string {
	switch lang {
	case "nb", "nn", "en":
		return lang
	case "no", "nob":
		return "nb"
	case "nno":
		return "nn"
	}
	return "nb"
}

// ui returns the renderer's own string k in lang.
func ui(lang string, k uiKey) string {
	t := uiText[uiLang(lang)]
	if int(k) < len(t) {
		return t[k]
	}
	return uiText["nb"][k]
}
