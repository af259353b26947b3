// SPDX-License-Identifier: MIT

package forms

// uiText are the chrome's and the runtime pages' own strings in one language.
type uiText struct {
	Skip, Language, Logout                 string
	Drafts, NoDrafts, StartNew, Draft      string
	DeniedHeading, DeniedText, ChooseParty string
	NotFoundHeading, NotFoundText          string
	ErrorHeading, ErrorText                string
	NoLayoutHeading, NoLayoutText          string
	Receipt, Submitted, Reference          string
	// The PDF receipt: its download link, and the line while it is being made.
	DownloadPDF, PDFPending                 string
	BackToStart, NotANumber, NotABoolean    string
	ConflictHeading, ConflictText, TryAgain string
	// Autosave status (the script's aria-live region).
	Saving, Saved, Invalid, SaveFailed string
	// My forms.
	Menu, MyForms, Archive, NoArchive, Continue, DeleteDraft, SubmittedAt string
	// Confirmation and feedback tasks.
	ConfirmHeading, ConfirmText, ConfirmButton, FeedbackHeading, FeedbackText, Refresh string
	// Attachment problems, by the instance service's code.
	FileTooLarge, FileType, FileEmpty, FileTooMany, FileFailed string
	// Subform entries.
	SubformErrors, SubformTooMany string
	// A FileUploadWithTag tag that could not be stored.
	TagFailed string
}

var uiTexts = map[string]uiText{
	"nb": {Skip: "Hopp til hovedinnhold", Language: "Språk", Logout: "Logg ut",
		Drafts: "Påbegynte skjema", NoDrafts: "Du har ingen påbegynte skjema for denne tjenesten.", StartNew: "Start nytt skjema", Draft: "Påbegynt",
		DeniedHeading: "Du har ikke tilgang", DeniedText: "Du har ikke rettigheter til å se denne siden for den du representerer.", ChooseParty: "Velg hvem du representerer",
		NotFoundHeading: "Fant ikke siden", NotFoundText: "Siden eller skjemaet finnes ikke.",
		ErrorHeading: "Noe gikk galt", ErrorText: "Vi kunne ikke fullføre forespørselen. Prøv igjen senere.",
		NoLayoutHeading: "Skjemaet er til behandling", NoLayoutText: "Dette steget kan ikke vises her.",
		Receipt: "Kvittering", Submitted: "Skjemaet er sendt inn.", Reference: "Referanse",
		DownloadPDF: "Last ned kvittering som PDF", PDFPending: "Kvitteringen som PDF blir laget. Oppdater siden om litt for å laste den ned.",
		BackToStart: "Til startsiden", NotANumber: "Skriv inn et tall.", NotABoolean: "Ugyldig verdi.",
		ConflictHeading: "Skjemaet ble endret", ConflictText: "Skjemaet ble endret et annet sted samtidig. Åpne det på nytt og prøv igjen.", TryAgain: "Åpne skjemaet",
		Saving: "Lagrer …", Saved: "Lagret", Invalid: "Lagret – se feilmeldingene", SaveFailed: "Kunne ikke lagre i bakgrunnen. Sender skjemaet …",
		Menu: "Meny", MyForms: "Mine skjema", Archive: "Innsendte skjema", NoArchive: "Du har ingen innsendte skjema for denne tjenesten.", Continue: "Fortsett", DeleteDraft: "Slett", SubmittedAt: "Sendt inn",
		ConfirmHeading: "Se over og bekreft", ConfirmText: "Se over opplysningene under før du bekrefter.", ConfirmButton: "Bekreft og send inn",
		FeedbackHeading: "Venter på tilbakemelding", FeedbackText: "Skjemaet er sendt til behandling. Siden viser kvitteringen når behandlingen er ferdig.", Refresh: "Oppdater siden",
		FileTooLarge: "Filen er for stor.", FileType: "Filtypen er ikke tillatt her.", FileEmpty: "Filen er tom.", FileTooMany: "Du kan ikke laste opp flere filer her.", FileFailed: "Filen kunne ikke lastes opp.",
		SubformErrors: "Det er feil i en eller flere oppføringer.", SubformTooMany: "Du kan ikke legge til flere oppføringer her.",
		TagFailed: "Filen er lastet opp, men merket kunne ikke lagres."},
	"nn": {Skip: "Hopp til hovudinnhaldet", Language: "Språk", Logout: "Logg ut",
		Drafts: "Påbyrja skjema", NoDrafts: "Du har ingen påbyrja skjema for denne tenesta.", StartNew: "Start nytt skjema", Draft: "Påbyrja",
		DeniedHeading: "Du har ikkje tilgang", DeniedText: "Du har ikkje rettar til å sjå denne sida for den du representerer.", ChooseParty: "Vel kven du representerer",
		NotFoundHeading: "Fann ikkje sida", NotFoundText: "Sida eller skjemaet finst ikkje.",
		ErrorHeading: "Noko gjekk gale", ErrorText: "Vi kunne ikkje fullføre førespurnaden. Prøv igjen seinare.",
		NoLayoutHeading: "Skjemaet er til handsaming", NoLayoutText: "Dette steget kan ikkje visast her.",
		Receipt: "Kvittering", Submitted: "Skjemaet er sendt inn.", Reference: "Referanse",
		DownloadPDF: "Last ned kvittering som PDF", PDFPending: "Kvitteringa som PDF blir laga. Oppdater sida om litt for å laste ho ned.",
		BackToStart: "Til startsida", NotANumber: "Skriv inn eit tal.", NotABoolean: "Ugyldig verdi.",
		ConflictHeading: "Skjemaet vart endra", ConflictText: "Skjemaet vart endra ein annan stad samstundes. Opne det på nytt og prøv igjen.", TryAgain: "Opne skjemaet",
		Saving: "Lagrar …", Saved: "Lagra", Invalid: "Lagra – sjå feilmeldingane", SaveFailed: "Kunne ikkje lagre i bakgrunnen. Sender skjemaet …",
		Menu: "Meny", MyForms: "Mine skjema", Archive: "Innsende skjema", NoArchive: "Du har ingen innsende skjema for denne tenesta.", Continue: "Hald fram", DeleteDraft: "Slett", SubmittedAt: "Sendt inn",
		ConfirmHeading: "Sjå over og stadfest", ConfirmText: "Sjå over opplysningane under før du stadfestar.", ConfirmButton: "Stadfest og send inn",
		FeedbackHeading: "Ventar på tilbakemelding", FeedbackText: "Skjemaet er sendt til handsaming. Sida viser kvitteringa når handsaminga er ferdig.", Refresh: "Oppdater sida",
		FileTooLarge: "Fila er for stor.", FileType: "Filtypen er ikkje tillaten her.", FileEmpty: "Fila er tom.", FileTooMany: "Du kan ikkje laste opp fleire filer her.", FileFailed: "Fila kunne ikkje lastast opp.",
		SubformErrors: "Det er feil i ei eller fleire oppføringar.", SubformTooMany: "Du kan ikkje leggje til fleire oppføringar her.",
		TagFailed: "Fila er lasta opp, men merket kunne ikkje lagrast."},
	"en": {Skip: "Skip to main content", Language: "Language", Logout: "Log out",
		Drafts: "Forms in progress", NoDrafts: "You have no forms in progress for this service.", StartNew: "Start a new form", Draft: "Started",
		DeniedHeading: "You do not have access", DeniedText: "You may not see this page for the party you represent.", ChooseParty: "Choose whom you represent",
		NotFoundHeading: "Page not found", NotFoundText: "The page or form does not exist.",
		ErrorHeading: "Something went wrong", ErrorText: "We could not complete the request. Please try again later.",
		NoLayoutHeading: "The form is being processed", NoLayoutText: "This step cannot be shown here.",
		Receipt: "Receipt", Submitted: "The form has been submitted.", Reference: "Reference",
		DownloadPDF: "Download receipt as PDF", PDFPending: "The PDF receipt is being made. Refresh the page in a moment to download it.",
		BackToStart: "Back to the start page", NotANumber: "Enter a number.", NotABoolean: "Invalid value.",
		ConflictHeading: "The form was changed", ConflictText: "The form was changed elsewhere at the same time. Open it again and retry.", TryAgain: "Open the form",
		Saving: "Saving …", Saved: "Saved", Invalid: "Saved – see the error messages", SaveFailed: "Could not save in the background. Sending the form …",
		Menu: "Menu", MyForms: "My forms", Archive: "Submitted forms", NoArchive: "You have no submitted forms for this service.", Continue: "Continue", DeleteDraft: "Delete", SubmittedAt: "Submitted",
		ConfirmHeading: "Review and confirm", ConfirmText: "Check the information below before you confirm.", ConfirmButton: "Confirm and submit",
		FeedbackHeading: "Waiting for feedback", FeedbackText: "The form has been sent for processing. This page shows the receipt when processing is done.", Refresh: "Refresh the page",
		FileTooLarge: "The file is too large.", FileType: "This file type is not allowed here.", FileEmpty: "The file is empty.", FileTooMany: "You cannot upload more files here.", FileFailed: "The file could not be uploaded.",
		SubformErrors: "One or more entries have errors.", SubformTooMany: "You cannot add more entries here.",
		TagFailed: "The file was uploaded, but its tag could not be saved."},
}

// texts returns the strings of lang, nb for unknown languages.
func texts(lang string) uiText {
	if t, ok := uiTexts[lang]; ok {
		return t
	}
	return uiTexts["nb"]
}
