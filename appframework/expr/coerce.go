// SPDX-License-Identifier: MIT

package expr

import "strings"

// Coercion follows Altinn's rules (frontend ExprTypes, backend ExpressionValue).
// Null is accepted everywhere; what a function does with it is its own business.

// toBool converts v for a boolean parameter: true/false, "true"/"false", 1/0
// and numeric strings equal to 1 or 0. Null becomes false, as and/or/not/if
// treat it.
func toBool(v Value) (bool, error) {
	switch v.kind {
	case KindNull:
		return false, nil
	case KindBool:
		return v.num != 0, nil
	case KindString:
		switch v.str {
		case "true", "1":
			return true, nil
		case "false", "0":
			return false, nil
		}
		if f, ok := parseNumber(v.str); ok {
			if f == 1 {
				return true, nil
			}
			if f == 0 {
				return false, nil
			}
		}
	case KindNumber:
		if v.num == 1 {
			return true, nil
		}
		if v.num == 0 {
			return false, nil
		}
	}
	return false, errorf("", ErrType, "Expected boolean, got value %s", v)
}

// toNumber converts v for a number parameter. ok is false for null.
func toNumber(v Value) (f float64, ok bool, err error) {
	switch v.kind {
	case KindNull:
		return 0, false, nil
	case KindNumber:
		return v.num, true, nil
	case KindString:
		if f, ok := parseNumber(v.str); ok {
			return f, true, nil
		}
	}
	return 0, false, errorf("", ErrType, "Expected number, got value %s", v)
}

// toText converts v for a string parameter. ok is false for null and for the
// string "null" in any case; "TRUE" and "False" become lower case so that
// ["equals", "TRUE", true] holds. Numbers are written as JavaScript writes them.
func toText(v Value) (s string, ok bool) {
	switch v.kind {
	case KindNull:
		return "", false
	case KindBool:
		if v.num != 0 {
			return "true", true
		}
		return "false", true
	case KindNumber:
		return formatNumber(v.num), true
	case KindString:
		if len(v.str) == 4 || len(v.str) == 5 {
			switch {
			case strings.EqualFold(v.str, "null"):
				return "", false
			case strings.EqualFold(v.str, "true"):
				return "true", true
			case strings.EqualFold(v.str, "false"):
				return "false", true
			}
		}
		return v.str, true
	}
	return v.String(), true
}

// textOf is toText for places where null means the empty string, as concat does.
func textOf(v Value) string {
	s, _ := toText(v)
	return s
}
