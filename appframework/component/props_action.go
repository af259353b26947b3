// SPDX-License-Identifier: MIT

package component

import "encoding/json"

// PageValidation says which pages to validate on navigation and what to show.
type PageValidation struct {
	Page string   `json:"page"`
	Show []string `json:"show"`
}

// NavigationButtonsProps are the properties of NavigationButtons.
type NavigationButtonsProps struct {
	isProps
	ShowBackButton     *bool           `json:"showBackButton"`
	ValidateOnNext     *PageValidation `json:"validateOnNext"`
	ValidateOnPrevious *PageValidation `json:"validateOnPrevious"`
}

// NavigationBarProps are the properties of NavigationBar.
type NavigationBarProps struct {
	isProps
	Compact            *bool           `json:"compact"`
	ValidateOnForward  *PageValidation `json:"validateOnForward"`
	ValidateOnBackward *PageValidation `json:"validateOnBackward"`
}

// ButtonProps are the properties of Button.
type ButtonProps struct {
	isProps
	Mode      string `json:"mode"`
	Size      string `json:"size"`
	FullWidth *bool  `json:"fullWidth"`
	TextAlign string `json:"textAlign"`
}

// ActionButtonProps are the properties of ActionButton (sign, reject,
// confirm, pay or a custom process action).
type ActionButtonProps struct {
	isProps
	Action      string `json:"action"`
	ButtonStyle string `json:"buttonStyle"`
}

// CustomAction is one action of a CustomButton: a client action (nextPage,
// previousPage, navigateToPage, closeSubform) or a server action by id.
// Validation, on closeSubform, asks for the entry to be valid before it closes.
type CustomAction struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Metadata   json.RawMessage `json:"metadata,omitempty"`
	Validation json.RawMessage `json:"validation,omitempty"`
}

// CustomButtonProps are the properties of CustomButton.
type CustomButtonProps struct {
	isProps
	Actions     []CustomAction `json:"actions"`
	ButtonStyle string         `json:"buttonStyle"`
	ButtonColor string         `json:"buttonColor"`
	ButtonSize  string         `json:"buttonSize"`
}

// LinkProps are the properties of Link.
type LinkProps struct {
	isProps
	Style        string `json:"style"`
	OpenInNewTab *bool  `json:"openInNewTab"`
	Size         string `json:"size"`
	FullWidth    *bool  `json:"fullWidth"`
	TextAlign    string `json:"textAlign"`
}
