// SPDX-License-Identifier: MIT

package jsonxsd

// jsonTypeOf is the JSON type xsdjson gives a built-in XSD type; "" for
// anyType, false for a name that is not a built-in type.
func jsonTypeOf(local string) (string, bool) {
	switch local {
	case "anyType":
		return "", true
	case "boolean":
		return "boolean", true
	case "integer", "nonPositiveInteger", "negativeInteger", "nonNegativeInteger", "positiveInteger",
		"long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte":
		return "integer", true
	case "decimal", "float", "double":
		return "number", true
	case "anyAtomicType", "anySimpleType", "string", "gMonthDay", "gDay", "gMonth", "hexBinary", "base64Binary",
		"QName", "NOTATION", "normalizedString", "token", "language", "NMTOKEN", "Name", "NCName", "ID", "IDREF",
		"ENTITY", "yearMonthDuration", "dayTimeDuration", "NMTOKENS", "IDREFS", "ENTITIES", "dateTimeStamp",
		"gYearMonth", "gYear", "dateTime", "time", "date", "duration", "anyURI":
		return "string", true
	}
	return "", false
}

// xsdTypeFor picks a built-in type for a JSON type and format, as Altinn's
// converter does (number → double, integer → long), plus the formats
// xsdjson writes for gYear, gYearMonth and duration.
func xsdTypeFor(jsonType, format string) string {
	switch jsonType {
	case "boolean":
		return "boolean"
	case "number":
		return "double"
	case "integer":
		return "long"
	}
	switch format {
	case "date-time":
		return "dateTime"
	case "date":
		return "date"
	case "time":
		return "time"
	case "duration":
		return "duration"
	case "uri":
		return "anyURI"
	case "year":
		return "gYear"
	case "year-month":
		return "gYearMonth"
	}
	return "string"
}

// builtinOf returns the built-in type a schema names: @xsdType when it agrees
// with the JSON type (the JSON type wins when they disagree, as in Altinn),
// otherwise the type derived from type and format.
func builtinOf(s *obj) (string, bool) {
	t, _ := mainType(s)
	x, _ := str(s, "@xsdType")
	if jt, ok := jsonTypeOf(x); ok && (t == "" || jt == t) {
		return x, true
	}
	switch t {
	case "string", "number", "integer", "boolean":
		f, _ := str(s, "format")
		return xsdTypeFor(t, f), true
	}
	return "", false
}

// isDateBuiltin reports whether range facets on the type compare as dates.
func isDateBuiltin(local string) bool {
	switch local {
	case "date", "dateTime", "duration", "gDay", "gMonth", "gMonthDay", "gYear", "gYearMonth", "time":
		return true
	}
	return false
}
