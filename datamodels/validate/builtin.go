// SPDX-License-Identifier: MIT

package validate

import (
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// intRanges are the value ranges of the bounded integer built-ins; a nil
// bound is open.
var intRanges = map[string][2]*big.Int{
	"byte":               {big.NewInt(-128), big.NewInt(127)},
	"short":              {big.NewInt(-32768), big.NewInt(32767)},
	"int":                {big.NewInt(-2147483648), big.NewInt(2147483647)},
	"long":               {big.NewInt(-9223372036854775808), big.NewInt(9223372036854775807)},
	"unsignedByte":       {big.NewInt(0), big.NewInt(255)},
	"unsignedShort":      {big.NewInt(0), big.NewInt(65535)},
	"unsignedInt":        {big.NewInt(0), big.NewInt(4294967295)},
	"unsignedLong":       {big.NewInt(0), new(big.Int).SetUint64(18446744073709551615)},
	"positiveInteger":    {big.NewInt(1), nil},
	"nonNegativeInteger": {big.NewInt(0), nil},
	"negativeInteger":    {nil, big.NewInt(-1)},
	"nonPositiveInteger": {nil, big.NewInt(0)},
}

var (
	reLanguage = regexp.MustCompile(`^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$`)
	reName     = mustPattern(`\i\c*`)
	reNCName   = mustPattern(`[\i-[:]][\c-[:]]*`)
	reNMTOKEN  = mustPattern(`\c+`)
	reHex      = regexp.MustCompile(`^([0-9a-fA-F]{2})*$`)
)

// lexicalTypes are the string built-ins with a lexical rule checkBuiltin
// enforces; every other value of every other string type passes.
var lexicalTypes = map[string]bool{
	"language": true, "Name": true, "NCName": true, "ID": true, "IDREF": true,
	"NMTOKEN": true, "NMTOKENS": true, "IDREFS": true, "ENTITY": true, "ENTITIES": true,
	"QName": true, "hexBinary": true, "base64Binary": true,
	"gMonthDay": true, "gDay": true, "gMonth": true,
}

// hasBuiltinCheck reports whether checkBuiltin can refuse a value of the
// built-in name.
func hasBuiltinCheck(name string) bool {
	_, ranged := intRanges[name]
	return ranged || lexicalTypes[name]
}

func mustPattern(p string) *regexp.Regexp {
	re, err := compilePattern(p, true)
	if err != nil {
		panic(err)
	}
	return re
}

// checkBuiltin reports whether v is a valid value of the XSD built-in type
// name, for what JSON Schema's type and format keywords leave open: the
// ranges of the bounded integers and the lexical rules of the string-derived
// types. Values of the wrong JSON type are left to the type keyword.
func checkBuiltin(name string, v any) bool {
	if r, ok := intRanges[name]; ok {
		n, isNum := v.(json.Number)
		if !isNum {
			return true
		}
		if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
			// The common case, without big numbers.
			return (r[0] == nil || inInt64(r[0], i, true)) &&
				(r[1] == nil || inInt64(r[1], i, false))
		}
		x, ok := new(big.Rat).SetString(string(n))
		if !ok || !x.IsInt() {
			return true // not an integer: the type keyword says so
		}
		i := x.Num()
		return (r[0] == nil || i.Cmp(r[0]) >= 0) && (r[1] == nil || i.Cmp(r[1]) <= 0)
	}
	s, isStr := v.(string)
	if !isStr || !lexicalTypes[name] {
		return true
	}
	// These types collapse whitespace before their lexical check.
	c := strings.Join(strings.Fields(s), " ")
	switch name {
	case "language":
		return reLanguage.MatchString(c)
	case "Name":
		return reName.MatchString(c)
	case "NCName", "ID", "IDREF":
		return reNCName.MatchString(c)
	case "NMTOKEN":
		return reNMTOKEN.MatchString(c)
	case "NMTOKENS":
		return listOf(c, reNMTOKEN)
	case "IDREFS":
		return listOf(c, reNCName)
	case "ENTITY", "ENTITIES":
		// An ENTITY names an unparsed entity declared in a DTD; DTDs are
		// refused, so no value can be valid.
		return false
	case "QName":
		prefix, local, found := strings.Cut(c, ":")
		if !found {
			return reNCName.MatchString(c)
		}
		return reNCName.MatchString(prefix) && reNCName.MatchString(local)
	case "hexBinary":
		return reHex.MatchString(c)
	case "base64Binary":
		_, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(s), ""))
		return err == nil
	case "gMonthDay":
		_, err := parseDate(c, kGMonthDay)
		return err == nil
	case "gDay":
		_, err := parseDate(c, kGDay)
		return err == nil
	case "gMonth":
		_, err := parseDate(c, kGMonth)
		return err == nil
	}
	return true
}

func listOf(s string, re *regexp.Regexp) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	for _, x := range f {
		if !re.MatchString(x) {
			return false
		}
	}
	return true
}

// checkURI is the "uri" format as xs:anyURI reads it: any string that
// parses as a URI reference once spaces are escaped.
func checkURI(v any) error {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	if _, err := url.Parse(strings.ReplaceAll(strings.TrimSpace(s), " ", "%20")); err != nil {
		return errLexical
	}
	return nil
}

// inInt64 compares i with a bound without allocating: i >= b for a lower
// bound, i <= b for an upper one. Bounds beyond int64 hold every int64 on
// their side.
func inInt64(b *big.Int, i int64, lower bool) bool {
	if !b.IsInt64() {
		return b.Sign() > 0 != lower
	}
	if lower {
		return i >= b.Int64()
	}
	return i <= b.Int64()
}
