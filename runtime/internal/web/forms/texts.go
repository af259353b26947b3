// SPDX-License-Identifier: MIT

package forms

// uiText are the chrome's and the runtime pages' own strings in one language.
type uiText struct {
	Skip, Language, Logout                  string
	Drafts, NoDrafts, StartNew, Draft       string
	DeniedHeading, DeniedText, ChooseParty  string
	NotFoundHeading, NotFoundText           string
	ErrorHeading, ErrorText                 string
	NoLayoutHeading, NoLayoutText           string
	Receipt, Submitted, Reference           string
	BackToStart, NotANumber, NotABoolean    string
	ConflictHeading, ConflictText, TryAgain string
}

var uiTexts = map[string]uiText{
	"nb": {Skip: "Hopp til hovedinnhold", Language: "Språk", Logout: "Logg ut",
		Drafts: "Påbegynte skjema", NoDrafts: "Du har ingen påbegynte skjema for denne tjenesten.", StartNew: "Start nytt skjema", Draft: "Påbegynt",
		DeniedHeading: "Du har ikke tilgang", DeniedText: "Du har ikke rettigheter til å se denne siden for den du representerer.", ChooseParty: "Velg hvem du representerer",
		NotFoundHeading: "Fant ikke siden", NotFoundText: "Siden eller skjemaet finnes ikke.",
		ErrorHeading: "Noe gikk galt", ErrorText: "Vi kunne ikke fullføre forespørselen. Prøv igjen senere.",
		NoLayoutHeading: "Skjemaet er til behandling", NoLayoutText: "Dette steget kan ikke vises her.",
		Receipt: "Kvittering", Submitted: "Skjemaet er sendt inn.", Reference: "Referanse",
		BackToStart: "Til startsiden", NotANumber: "Skriv inn et tall.", NotABoolean: "Ugyldig verdi.",
		ConflictHeading: "Skjemaet ble endret", ConflictText: "Skjemaet ble endret et annet sted samtidig. Åpne det på nytt og prøv igjen.", TryAgain: "Åpne skjemaet"},
	"nn": {Skip: "Hopp til hovudinnhaldet", Language: "Språk", Logout: "Logg ut",
		Drafts: "Påbyrja skjema", NoDrafts: "Du har ingen påbyrja skjema for denne tenesta.", StartNew: "Start nytt skjema", Draft: "Påbyrja",
		DeniedHeading: "Du har ikkje tilgang", DeniedText: "Du har ikkje rettar til å sjå denne sida for den du representerer.", ChooseParty: "Vel kven du representerer",
		NotFoundHeading: "Fann ikkje sida", NotFoundText: "Sida eller skjemaet finst ikkje.",
		ErrorHeading: "Noko gjekk gale", ErrorText: "Vi kunne ikkje fullføre førespurnaden. Prøv igjen seinare.",
		NoLayoutHeading: "Skjemaet er til handsaming", NoLayoutText: "Dette steget kan ikkje visast her.",
		Receipt: "Kvittering", Submitted: "Skjemaet er sendt inn.", Reference: "Referanse",
		BackToStart: "Til startsida", NotANumber: "Skriv inn eit tal.", NotABoolean: "Ugyldig verdi.",
		ConflictHeading: "Skjemaet vart endra", ConflictText: "Skjemaet vart endra ein annan stad samstundes. Opne det på nytt og prøv igjen.", TryAgain: "Opne skjemaet"},
	"en": {Skip: "Skip to main content", Language: "Language", Logout: "Log out",
		Drafts: "Forms in progress", NoDrafts: "You have no forms in progress for this service.", StartNew: "Start a new form", Draft: "Started",
		DeniedHeading: "You do not have access", DeniedText: "You may not see this page for the party you represent.", ChooseParty: "Choose whom you represent",
		NotFoundHeading: "Page not found", NotFoundText: "The page or form does not exist.",
		ErrorHeading: "Something went wrong", ErrorText: "We could not complete the request. Please try again later.",
		NoLayoutHeading: "The form is being processed", NoLayoutText: "This step cannot be shown here.",
		Receipt: "Receipt", Submitted: "The form has been submitted.", Reference: "Reference",
		BackToStart: "Back to the start page", NotANumber: "Enter a number.", NotABoolean: "Invalid value.",
		ConflictHeading: "The form was changed", ConflictText: "The form was changed elsewhere at the same time. Open it again and retry.", TryAgain: "Open the form"},
}

// texts returns the strings of lang, nb for unknown languages.
func texts(lang string) uiText {
	if t, ok := uiTexts[lang]; ok {
		return t
	}
	return uiTexts["nb"]
}
