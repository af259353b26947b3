// SPDX-License-Identifier: MIT

package xsd

import "slices"

// IsBuiltinType reports whether local names a built-in type of the XML Schema
// namespace (XSD 1.0, plus the XSD 1.1 types .NET also knows).
func IsBuiltinType(local string) bool {
	return slices.Contains([]string{
		"anyType", "anySimpleType", "anyAtomicType",
		"string", "normalizedString", "token", "language", "Name", "NCName", "NMTOKEN", "NMTOKENS",
		"ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "QName", "NOTATION",
		"boolean", "decimal", "integer", "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte",
		"nonNegativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "positiveInteger",
		"float", "double", "duration", "yearMonthDuration", "dayTimeDuration", "dateTime", "dateTimeStamp", "time", "date",
		"gYearMonth", "gYear", "gMonthDay", "gDay", "gMonth", "hexBinary", "base64Binary", "anyURI",
	}, local)
}

// isXMLAttribute reports whether q is one of the attributes of the XML
// namespace, which schemas may reference without importing xml.xsd.
func isXMLAttribute(q QName) bool {
	return q.Space == NamespaceXML && slices.Contains([]string{"lang", "space", "base", "id"}, q.Local)
}
