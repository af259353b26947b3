// SPDX-License-Identifier: MIT

package component

import (
	"slices"
	"strings"
)

// Category says what a component is for, as app-frontend groups them.
type Category string

// The component categories.
const (
	Form         Category = "form"         // binds data the user enters
	Container    Category = "container"    // holds other components
	Presentation Category = "presentation" // shows text, media or summaries
	Action       Category = "action"       // navigates or moves the process
	Unknown      Category = "unknown"      // a type this package does not know
)

// TypeInfo describes one component type.
type TypeInfo struct {
	Name     string
	Category Category
	newProps func() Props
}

// typeTable lists every component type of app-frontend v4 (reference §3.4)
// plus v9's renames. It is read-only after package initialisation.
var typeTable = []TypeInfo{
	{"Input", Form, func() Props { return &InputProps{} }},
	{"TextArea", Form, func() Props { return &TextAreaProps{} }},
	{"Datepicker", Form, func() Props { return &DatepickerProps{} }},
	{"TimePicker", Form, func() Props { return &TimePickerProps{} }},
	{"Dropdown", Form, func() Props { return &DropdownProps{} }},
	{"RadioButtons", Form, func() Props { return &RadioButtonsProps{} }},
	{"Checkboxes", Form, func() Props { return &CheckboxesProps{} }},
	{"MultipleSelect", Form, func() Props { return &CheckboxesProps{} }},
	{"Address", Form, func() Props { return &AddressProps{} }},
	{"FileUpload", Form, func() Props { return &FileUploadProps{} }},
	{"FileUploadWithTag", Form, func() Props { return &FileUploadWithTagProps{} }},
	{"ImageUpload", Form, func() Props { return &ImageUploadProps{} }},
	{"List", Form, func() Props { return &ListProps{} }},
	{"Likert", Container, func() Props { return &LikertProps{} }},
	{"LikertItem", Form, func() Props { return &RadioButtonsProps{} }},
	{"Map", Form, func() Props { return &MapProps{} }},
	{"PersonLookup", Form, func() Props { return &LookupProps{} }},
	{"OrganisationLookup", Form, func() Props { return &LookupProps{} }},
	{"OrganizationLookup", Form, func() Props { return &LookupProps{} }}, // v9 spelling
	{"SimpleTable", Form, func() Props { return &SimpleTableProps{} }},
	{"AddToList", Form, func() Props { return &AddToListProps{} }},
	{"Custom", Form, func() Props { return &CustomProps{} }},
	{"Subform", Form, func() Props { return &SubformProps{} }},

	{"Group", Container, func() Props { return &GroupProps{} }},
	{"RepeatingGroup", Container, func() Props { return &RepeatingGroupProps{} }},
	{"Grid", Container, func() Props { return &GridProps{} }},
	{"Accordion", Container, func() Props { return &AccordionProps{} }},
	{"AccordionGroup", Container, func() Props { return &ChildrenProps{} }},
	{"Tabs", Container, func() Props { return &TabsProps{} }},
	{"Cards", Container, func() Props { return &CardsProps{} }},
	{"ButtonGroup", Container, func() Props { return &ChildrenProps{} }},

	{"Header", Presentation, func() Props { return &HeaderProps{} }},
	{"Heading", Presentation, func() Props { return &HeaderProps{} }}, // v9 spelling
	{"Paragraph", Presentation, func() Props { return &PlainProps{} }},
	{"Text", Presentation, func() Props { return &ValueProps{} }},
	{"Number", Presentation, func() Props { return &ValueProps{} }},
	{"Date", Presentation, func() Props { return &ValueProps{} }},
	{"Option", Presentation, func() Props { return &ValueProps{} }},
	{"Panel", Presentation, func() Props { return &PanelProps{} }},
	{"Alert", Presentation, func() Props { return &AlertProps{} }},
	{"Divider", Presentation, func() Props { return &PlainProps{} }},
	{"Image", Presentation, func() Props { return &MediaProps{} }},
	{"Audio", Presentation, func() Props { return &MediaProps{} }},
	{"Video", Presentation, func() Props { return &MediaProps{} }},
	{"IFrame", Presentation, func() Props { return &IFrameProps{} }},
	{"InstanceInformation", Presentation, func() Props { return &InstanceInformationProps{} }},
	{"AttachmentList", Presentation, func() Props { return &AttachmentListProps{} }},
	{"Summary", Presentation, func() Props { return &SummaryProps{} }},
	{"Summary2", Presentation, func() Props { return &Summary2Props{} }},
	{"Payment", Presentation, func() Props { return &PlainProps{} }},
	{"PaymentDetails", Presentation, func() Props { return &MappingProps{} }},
	{"SigneeList", Presentation, func() Props { return &PlainProps{} }},
	{"SigningDocumentList", Presentation, func() Props { return &PlainProps{} }},

	{"NavigationButtons", Action, func() Props { return &NavigationButtonsProps{} }},
	{"NavigationBar", Action, func() Props { return &NavigationBarProps{} }},
	{"Button", Action, func() Props { return &ButtonProps{} }},
	{"ActionButton", Action, func() Props { return &ActionButtonProps{} }},
	{"CustomButton", Action, func() Props { return &CustomButtonProps{} }},
	{"InstantiationButton", Action, func() Props { return &MappingProps{} }},
	{"PrintButton", Action, func() Props { return &PlainProps{} }},
	{"PDFPreviewButton", Action, func() Props { return &PlainProps{} }},
	{"Link", Action, func() Props { return &LinkProps{} }},
	{"SigningActions", Action, func() Props { return &PlainProps{} }},
}

// typeIndex maps a lower-cased type name to its entry.
var typeIndex = func() map[string]*TypeInfo {
	m := make(map[string]*TypeInfo, len(typeTable))
	for i := range typeTable {
		m[strings.ToLower(typeTable[i].Name)] = &typeTable[i]
	}
	return m
}()

// Lookup returns the type named name. Names are matched without regard to
// case, as app-frontend v3 did; the returned Name is the canonical spelling.
func Lookup(name string) (TypeInfo, bool) {
	t, ok := typeIndex[strings.ToLower(name)]
	if !ok {
		return TypeInfo{Name: name, Category: Unknown}, false
	}
	return *t, true
}

// Types returns the names of every known component type, sorted.
func Types() []string {
	out := make([]string, len(typeTable))
	for i, t := range typeTable {
		out[i] = t.Name
	}
	slices.Sort(out)
	return out
}
