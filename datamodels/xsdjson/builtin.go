// SPDX-License-Identifier: MIT

package xsdjson

// builtinType maps an XSD built-in type to its JSON type and format, as
// Altinn's GetTypeAndFormat does. ok is false for a type with no JSON form.
func builtinType(local string) (jsonType, format string, ok bool) {
	switch local {
	case "boolean":
		return "boolean", "", true
	case "integer", "nonPositiveInteger", "negativeInteger", "nonNegativeInteger", "positiveInteger",
		"long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte":
		return "integer", "", true
	case "decimal", "float", "double":
		return "number", "", true
	case "anyAtomicType", "anySimpleType", "string", "gMonthDay", "gDay", "gMonth", "hexBinary", "base64Binary",
		"QName", "NOTATION", "normalizedString", "token", "language", "NMTOKEN", "Name", "NCName", "ID", "IDREF",
		"ENTITY", "yearMonthDuration", "dayTimeDuration":
		return "string", "", true
	// Altinn throws on the list types and dateTimeStamp; a string keeps their
	// lexical form, so we accept them (datamodels/README.md).
	case "NMTOKENS", "IDREFS", "ENTITIES":
		return "string", "", true
	case "dateTimeStamp":
		return "string", "date-time", true
	case "gYearMonth":
		return "string", "year-month", true
	case "gYear":
		return "string", "year", true
	case "dateTime":
		return "string", "date-time", true
	case "time":
		return "string", "time", true
	case "date":
		return "string", "date", true
	case "duration":
		return "string", "duration", true
	case "anyURI":
		return "string", "uri", true
	}
	return "", "", false
}

// isDateType reports whether facets on this base compare as dates and so use
// formatMinimum and friends instead of minimum.
func isDateType(local string) bool {
	switch local {
	case "date", "dateTime", "duration", "gDay", "gMonth", "gMonthDay", "gYear", "gYearMonth", "time":
		return true
	}
	return false
}
