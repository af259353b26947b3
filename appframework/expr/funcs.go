// SPDX-License-Identifier: MIT

package expr

// Func identifies a function of the expression language.
type Func uint8

// The functions of the language. Blankett implements every function the Altinn
// backend has, and the frontend-only ones that make sense when pages are
// rendered on the server.
const (
	fnLiteral Func = iota // not a function: the node is a literal
	// FuncAnd is ["and", b...]: true when every argument is true; null counts as false.
	FuncAnd
	// FuncOr is ["or", b...]: true when any argument is true; null counts as false.
	FuncOr
	// FuncNot is ["not", b]: the negation; ["not", null] is true.
	FuncNot
	// FuncIf is ["if", cond, then] or ["if", cond, then, "else", otherwise].
	FuncIf
	// FuncEquals is ["equals", a, b]: equality after conversion to strings.
	FuncEquals
	// FuncNotEquals is ["notEquals", a, b]: the negation of equals.
	FuncNotEquals
	// FuncGreaterThan is ["greaterThan", a, b] on numbers; null on either side is false.
	FuncGreaterThan
	// FuncGreaterThanEq is ["greaterThanEq", a, b] on numbers; null on either side is false.
	FuncGreaterThanEq
	// FuncLessThan is ["lessThan", a, b] on numbers; null on either side is false.
	FuncLessThan
	// FuncLessThanEq is ["lessThanEq", a, b] on numbers; null on either side is false.
	FuncLessThanEq
	// FuncCompare is ["compare", a, op, b] or ["compare", a, "not", op, b], with number and date operators.
	FuncCompare
	// FuncConcat is ["concat", s...]: the arguments joined as strings; null is "".
	FuncConcat
	// FuncContains is ["contains", s, sub]: whether s contains sub.
	FuncContains
	// FuncNotContains is ["notContains", s, sub]: the negation of contains.
	FuncNotContains
	// FuncStartsWith is ["startsWith", s, prefix].
	FuncStartsWith
	// FuncEndsWith is ["endsWith", s, suffix].
	FuncEndsWith
	// FuncCommaContains is ["commaContains", list, item]: whether a comma-separated list holds item.
	FuncCommaContains
	// FuncLowerCase is ["lowerCase", s].
	FuncLowerCase
	// FuncUpperCase is ["upperCase", s].
	FuncUpperCase
	// FuncLowerCaseFirst is ["lowerCaseFirst", s]: s with its first letter in lower case.
	FuncLowerCaseFirst
	// FuncUpperCaseFirst is ["upperCaseFirst", s]: s with its first letter in upper case.
	FuncUpperCaseFirst
	// FuncStringLength is ["stringLength", s] in UTF-16 code units; null has length 0.
	FuncStringLength
	// FuncStringIndexOf is ["stringIndexOf", s, sub]: the UTF-16 position of sub, or null.
	FuncStringIndexOf
	// FuncStringSlice is ["stringSlice", s, start, end?] with JavaScript slice semantics.
	FuncStringSlice
	// FuncStringReplace is ["stringReplace", s, find, replacement]: every occurrence replaced.
	FuncStringReplace
	// FuncPlus is ["plus", n...]: the sum in exact decimals; null is 0.
	FuncPlus
	// FuncMinus is ["minus", a, b] in exact decimals; null is 0.
	FuncMinus
	// FuncMultiply is ["multiply", n...]: the product in exact decimals; null is 0.
	FuncMultiply
	// FuncDivide is ["divide", a, b] in exact decimals; dividing by 0 or null is an error.
	FuncDivide
	// FuncRound is ["round", n, decimals?]: n rounded half away from zero, as a string.
	FuncRound
	// FuncFormatDate is ["formatDate", date, pattern?]: a date formatted in the user's language.
	FuncFormatDate
	// FuncDataModel is ["dataModel", path, dataType?]: a value from the data model, placed in the current row.
	FuncDataModel
	// FuncComponent is ["component", id]: the value bound to the nearest component id, null when it is hidden.
	FuncComponent
	// FuncCountDataElements is ["countDataElements", dataType]: how many data elements of that type the instance has.
	FuncCountDataElements
	// FuncInstanceContext is ["instanceContext", key] for appId, instanceId, instanceOwnerPartyId and instanceOwnerPartyType.
	FuncInstanceContext
	// FuncFrontendSettings is ["frontendSettings", key]: a value from appsettings FrontEndSettings.
	FuncFrontendSettings
	// FuncAuthContext is ["authContext", action]: whether the user may read, write, instantiate, confirm, sign or reject.
	FuncAuthContext
	// FuncDisplayValue is ["displayValue", id]: what the user sees for a component, such as option labels.
	FuncDisplayValue
	// FuncOptionLabel is ["optionLabel", optionsId, value]: the translated label of an option.
	FuncOptionLabel
	// FuncText is ["text", key]: a text resource in the user's language, variables filled in.
	FuncText
	// FuncLanguage is ["language"]: the user's language code.
	FuncLanguage
	// FuncLinkToPage is ["linkToPage", text, page, newTab?]: an HTML link to a page.
	FuncLinkToPage
	// FuncLinkToComponent is ["linkToComponent", text, id, newTab?]: an HTML link that focuses a component.
	FuncLinkToComponent
	// FuncArgv is ["argv", i]: the i-th positional argument, such as the field a validation runs for.
	FuncArgv
	// FuncValue is ["value", field?]: the option an optionFilter is deciding on.
	FuncValue
	// FuncGatewayAction is ["gatewayAction"]: the action that ended the previous process task.
	FuncGatewayAction
	// FuncList is ["list", v...]: a list of the arguments.
	FuncList
	// FuncObject is ["object", key, value, ...]: an object built from key/value pairs.
	FuncObject
	// FuncJmespath is ["jmespath", data, query]: the result of a JMESPath query.
	FuncJmespath
	// FuncSum is ["sum", list]: the sum of a list of numbers in exact decimals; nulls are skipped.
	FuncSum
	// FuncAverage is ["average", list, empty]: the mean of a list (nulls count), or empty for an empty list.
	FuncAverage
	// FuncCount is ["count", list]: the number of items in a list.
	FuncCount
	funcEnd
)

// Type is the static type of a parameter or a result, used by the parser to
// coerce literal arguments early and by Check to find type errors.
type Type uint8

// The static types. TypeAny accepts everything; TypeDate is a string that must
// parse as a date.
const (
	// TypeAny accepts every value.
	TypeAny Type = iota
	// TypeBool is a boolean, or a value that converts to one.
	TypeBool
	// TypeNumber is a number, or a numeric string.
	TypeNumber
	// TypeString is a string; numbers and booleans convert to strings.
	TypeString
	// TypeDate is a date string (YYYY-MM-DD with an optional time and offset).
	TypeDate
	// TypeList is a list.
	TypeList
	// TypeObject is an object.
	TypeObject
)

// String returns the name of the type as used in messages.
func (t Type) String() string {
	switch t {
	case TypeBool:
		return "boolean"
	case TypeNumber:
		return "number"
	case TypeString:
		return "string"
	case TypeDate:
		return "date"
	case TypeList:
		return "list"
	case TypeObject:
		return "object"
	}
	return "any"
}

// spec describes a function's signature. max < 0 means the last parameter
// repeats. arityWord prefixes arity errors, for the arithmetic functions whose
// vectors expect "Invalid".
type spec struct {
	name      string
	min, max  int
	params    []Type
	ret       Type
	arityWord string
}

// param returns the type of argument i.
func (s spec) param(i int) Type {
	if len(s.params) == 0 {
		return TypeAny
	}
	if i < len(s.params) {
		return s.params[i]
	}
	if s.max < 0 {
		return s.params[len(s.params)-1]
	}
	return TypeAny
}

// funcByName maps a function name to its Func. Names are case-sensitive:
// "datamodel" is not "dataModel".
func funcByName(name string) (Func, bool) {
	switch name {
	case "and":
		return FuncAnd, true
	case "or":
		return FuncOr, true
	case "not":
		return FuncNot, true
	case "if":
		return FuncIf, true
	case "equals":
		return FuncEquals, true
	case "notEquals":
		return FuncNotEquals, true
	case "greaterThan":
		return FuncGreaterThan, true
	case "greaterThanEq":
		return FuncGreaterThanEq, true
	case "lessThan":
		return FuncLessThan, true
	case "lessThanEq":
		return FuncLessThanEq, true
	case "compare":
		return FuncCompare, true
	case "concat":
		return FuncConcat, true
	case "contains":
		return FuncContains, true
	case "notContains":
		return FuncNotContains, true
	case "startsWith":
		return FuncStartsWith, true
	case "endsWith":
		return FuncEndsWith, true
	case "commaContains":
		return FuncCommaContains, true
	case "lowerCase":
		return FuncLowerCase, true
	case "upperCase":
		return FuncUpperCase, true
	case "lowerCaseFirst":
		return FuncLowerCaseFirst, true
	case "upperCaseFirst":
		return FuncUpperCaseFirst, true
	case "stringLength":
		return FuncStringLength, true
	case "stringIndexOf":
		return FuncStringIndexOf, true
	case "stringSlice":
		return FuncStringSlice, true
	case "stringReplace":
		return FuncStringReplace, true
	case "plus":
		return FuncPlus, true
	case "minus":
		return FuncMinus, true
	case "multiply":
		return FuncMultiply, true
	case "divide":
		return FuncDivide, true
	case "round":
		return FuncRound, true
	case "formatDate":
		return FuncFormatDate, true
	case "dataModel":
		return FuncDataModel, true
	case "component":
		return FuncComponent, true
	case "countDataElements":
		return FuncCountDataElements, true
	case "instanceContext":
		return FuncInstanceContext, true
	case "frontendSettings":
		return FuncFrontendSettings, true
	case "authContext":
		return FuncAuthContext, true
	case "displayValue":
		return FuncDisplayValue, true
	case "optionLabel":
		return FuncOptionLabel, true
	case "text":
		return FuncText, true
	case "language":
		return FuncLanguage, true
	case "linkToPage":
		return FuncLinkToPage, true
	case "linkToComponent":
		return FuncLinkToComponent, true
	case "argv":
		return FuncArgv, true
	case "value":
		return FuncValue, true
	case "gatewayAction":
		return FuncGatewayAction, true
	case "list":
		return FuncList, true
	case "object":
		return FuncObject, true
	case "jmespath":
		return FuncJmespath, true
	case "sum":
		return FuncSum, true
	case "average":
		return FuncAverage, true
	case "count":
		return FuncCount, true
	}
	return 0, false
}

// String returns the function's name as written in expressions.
func (f Func) String() string { return f.spec().name }

// Signature returns the function's parameter types, result type and arity;
// max < 0 means the last parameter repeats.
func (f Func) Signature() (params []Type, ret Type, min, max int) {
	s := f.spec()
	return s.params, s.ret, s.min, s.max
}

func (f Func) spec() spec {
	b, n, s, d, a := TypeBool, TypeNumber, TypeString, TypeDate, TypeAny
	switch f {
	case FuncAnd:
		return spec{name: "and", min: 1, max: -1, params: []Type{b}, ret: b}
	case FuncOr:
		return spec{name: "or", min: 1, max: -1, params: []Type{b}, ret: b}
	case FuncNot:
		return spec{name: "not", min: 1, max: 1, params: []Type{b}, ret: b}
	case FuncIf:
		return spec{name: "if", min: 2, max: 4, params: []Type{b, a, s, a}, ret: a}
	case FuncEquals:
		return spec{name: "equals", min: 2, max: 2, params: []Type{s, s}, ret: b}
	case FuncNotEquals:
		return spec{name: "notEquals", min: 2, max: 2, params: []Type{s, s}, ret: b}
	case FuncGreaterThan:
		return spec{name: "greaterThan", min: 2, max: 2, params: []Type{n, n}, ret: b}
	case FuncGreaterThanEq:
		return spec{name: "greaterThanEq", min: 2, max: 2, params: []Type{n, n}, ret: b}
	case FuncLessThan:
		return spec{name: "lessThan", min: 2, max: 2, params: []Type{n, n}, ret: b}
	case FuncLessThanEq:
		return spec{name: "lessThanEq", min: 2, max: 2, params: []Type{n, n}, ret: b}
	case FuncCompare:
		return spec{name: "compare", min: 3, max: 4, params: []Type{a, s, a, a}, ret: b}
	case FuncConcat:
		return spec{name: "concat", min: 0, max: -1, params: []Type{s}, ret: s}
	case FuncContains:
		return spec{name: "contains", min: 2, max: 2, params: []Type{s, s}, ret: b}
	case FuncNotContains:
		return spec{name: "notContains", min: 2, max: 2, params: []Type{s, s}, ret: b}
	case FuncStartsWith:
		return spec{name: "startsWith", min: 2, max: 2, params: []Type{s, s}, ret: b}
	case FuncEndsWith:
		return spec{name: "endsWith", min: 2, max: 2, params: []Type{s, s}, ret: b}
	case FuncCommaContains:
		return spec{name: "commaContains", min: 2, max: 2, params: []Type{s, s}, ret: b}
	case FuncLowerCase:
		return spec{name: "lowerCase", min: 1, max: 1, params: []Type{s}, ret: s}
	case FuncUpperCase:
		return spec{name: "upperCase", min: 1, max: 1, params: []Type{s}, ret: s}
	case FuncLowerCaseFirst:
		return spec{name: "lowerCaseFirst", min: 1, max: 1, params: []Type{s}, ret: s}
	case FuncUpperCaseFirst:
		return spec{name: "upperCaseFirst", min: 1, max: 1, params: []Type{s}, ret: s}
	case FuncStringLength:
		return spec{name: "stringLength", min: 1, max: 1, params: []Type{s}, ret: n}
	case FuncStringIndexOf:
		return spec{name: "stringIndexOf", min: 2, max: 2, params: []Type{s, s}, ret: n}
	case FuncStringSlice:
		return spec{name: "stringSlice", min: 2, max: 3, params: []Type{s, n, n}, ret: s}
	case FuncStringReplace:
		return spec{name: "stringReplace", min: 3, max: 3, params: []Type{s, s, s}, ret: s}
	case FuncPlus:
		return spec{name: "plus", min: 1, max: -1, params: []Type{n}, ret: n, arityWord: "Invalid number of arguments. "}
	case FuncMinus:
		return spec{name: "minus", min: 2, max: 2, params: []Type{n, n}, ret: n, arityWord: "Invalid number of arguments. "}
	case FuncMultiply:
		return spec{name: "multiply", min: 1, max: -1, params: []Type{n}, ret: n, arityWord: "Invalid number of arguments. "}
	case FuncDivide:
		return spec{name: "divide", min: 2, max: 2, params: []Type{n, n}, ret: n, arityWord: "Invalid number of arguments. "}
	case FuncRound:
		return spec{name: "round", min: 1, max: 2, params: []Type{n, n}, ret: s}
	case FuncFormatDate:
		return spec{name: "formatDate", min: 1, max: 2, params: []Type{d, s}, ret: s}
	}
	return f.spec2()
}

func (f Func) spec2() spec {
	b, n, s, a, l := TypeBool, TypeNumber, TypeString, TypeAny, TypeList
	switch f {
	case FuncDataModel:
		return spec{name: "dataModel", min: 1, max: 2, params: []Type{s, s}, ret: a}
	case FuncComponent:
		return spec{name: "component", min: 1, max: 1, params: []Type{s}, ret: a}
	case FuncCountDataElements:
		return spec{name: "countDataElements", min: 1, max: 1, params: []Type{s}, ret: n}
	case FuncInstanceContext:
		return spec{name: "instanceContext", min: 1, max: 1, params: []Type{s}, ret: s}
	case FuncFrontendSettings:
		return spec{name: "frontendSettings", min: 1, max: 1, params: []Type{s}, ret: a}
	case FuncAuthContext:
		return spec{name: "authContext", min: 1, max: 1, params: []Type{s}, ret: b}
	case FuncDisplayValue:
		return spec{name: "displayValue", min: 1, max: 1, params: []Type{s}, ret: s}
	case FuncOptionLabel:
		return spec{name: "optionLabel", min: 2, max: 2, params: []Type{s, a}, ret: s}
	case FuncText:
		return spec{name: "text", min: 1, max: 1, params: []Type{s}, ret: s}
	case FuncLanguage:
		return spec{name: "language", min: 0, max: 0, ret: s}
	case FuncLinkToPage:
		return spec{name: "linkToPage", min: 2, max: 3, params: []Type{s, s, b}, ret: s}
	case FuncLinkToComponent:
		return spec{name: "linkToComponent", min: 2, max: 3, params: []Type{s, s, b}, ret: s}
	case FuncArgv:
		return spec{name: "argv", min: 1, max: 1, params: []Type{n}, ret: a}
	case FuncValue:
		return spec{name: "value", min: 0, max: 1, params: []Type{s}, ret: a}
	case FuncGatewayAction:
		return spec{name: "gatewayAction", min: 0, max: 0, ret: s}
	case FuncList:
		return spec{name: "list", min: 0, max: -1, params: []Type{a}, ret: l}
	case FuncObject:
		return spec{name: "object", min: 0, max: -1, params: []Type{a}, ret: TypeObject}
	case FuncJmespath:
		return spec{name: "jmespath", min: 2, max: 2, params: []Type{a, s}, ret: a}
	case FuncSum:
		return spec{name: "sum", min: 1, max: 1, params: []Type{l}, ret: n}
	case FuncAverage:
		return spec{name: "average", min: 2, max: 2, params: []Type{l, n}, ret: n}
	case FuncCount:
		return spec{name: "count", min: 1, max: 1, params: []Type{l}, ret: n}
	}
	return spec{name: "?"}
}
