// SPDX-License-Identifier: MIT

package jmespath

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

func typeErr(fn, format string, args ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrInvalidType, fn, fmt.Sprintf(format, args...))
}

func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case expref:
		return "expref"
	}
	return "unknown"
}

// arity checks the argument count; max < 0 means no upper bound.
func arity(fn string, args []any, min, max int) error {
	if len(args) < min || (max >= 0 && len(args) > max) {
		return typeErr(fn, "wrong number of arguments (%d)", len(args))
	}
	return nil
}

func callFunction(name string, args []any) (any, error) {
	switch name {
	case "abs", "ceil", "floor":
		return numberFunc(name, args)
	case "avg", "sum", "max", "min":
		return aggregate(name, args)
	case "contains":
		if err := arity(name, args, 2, 2); err != nil {
			return nil, err
		}
		switch t := args[0].(type) {
		case string:
			s, ok := args[1].(string)
			return ok && strings.Contains(t, s), nil
		case []any:
			for _, e := range t {
				if equal(e, args[1]) {
					return true, nil
				}
			}
			return false, nil
		}
		return nil, typeErr(name, "expected an array or a string")
	case "starts_with", "ends_with":
		if err := arity(name, args, 2, 2); err != nil {
			return nil, err
		}
		s, ok1 := args[0].(string)
		p, ok2 := args[1].(string)
		if !ok1 || !ok2 {
			return nil, typeErr(name, "expected strings")
		}
		if name == "starts_with" {
			return strings.HasPrefix(s, p), nil
		}
		return strings.HasSuffix(s, p), nil
	case "join":
		if err := arity(name, args, 2, 2); err != nil {
			return nil, err
		}
		sep, ok1 := args[0].(string)
		l, ok2 := args[1].([]any)
		if !ok1 || !ok2 {
			return nil, typeErr(name, "expected a string and an array of strings")
		}
		parts := make([]string, len(l))
		size := 0
		for i, e := range l {
			s, ok := e.(string)
			if !ok {
				return nil, typeErr(name, "expected an array of strings")
			}
			parts[i] = s
			if size += len(s) + len(sep); size > MaxStringLen+len(sep) {
				return nil, tooLarge("join: the string has more than %d bytes", MaxStringLen)
			}
		}
		return strings.Join(parts, sep), nil
	case "keys", "values":
		if err := arity(name, args, 1, 1); err != nil {
			return nil, err
		}
		m, ok := args[0].(map[string]any)
		if !ok {
			return nil, typeErr(name, "expected an object")
		}
		keys := sortedKeys(m)
		out := make([]any, len(keys))
		for i, k := range keys {
			if name == "keys" {
				out[i] = k
			} else {
				out[i] = m[k]
			}
		}
		return out, nil
	case "length":
		if err := arity(name, args, 1, 1); err != nil {
			return nil, err
		}
		switch t := args[0].(type) {
		case string:
			return float64(len([]rune(t))), nil
		case []any:
			return float64(len(t)), nil
		case map[string]any:
			return float64(len(t)), nil
		}
		return nil, typeErr(name, "expected a string, array or object")
	case "map":
		return mapFunc(args)
	case "max_by", "min_by", "sort_by":
		return byFunc(name, args)
	case "merge":
		out := map[string]any{}
		for _, a := range args {
			m, ok := a.(map[string]any)
			if !ok {
				return nil, typeErr(name, "expected objects")
			}
			for k, v := range m {
				out[k] = v
			}
		}
		return out, nil
	case "not_null":
		if err := arity(name, args, 1, -1); err != nil {
			return nil, err
		}
		for _, a := range args {
			if a != nil {
				return a, nil
			}
		}
		return nil, nil
	}
	return convertFunc(name, args)
}

func convertFunc(name string, args []any) (any, error) {
	switch name {
	case "reverse":
		if err := arity(name, args, 1, 1); err != nil {
			return nil, err
		}
		switch t := args[0].(type) {
		case string:
			r := []rune(t)
			for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
				r[i], r[j] = r[j], r[i]
			}
			return string(r), nil
		case []any:
			out := make([]any, len(t))
			for i, e := range t {
				out[len(t)-1-i] = e
			}
			return out, nil
		}
		return nil, typeErr(name, "expected a string or an array")
	case "sort":
		if err := arity(name, args, 1, 1); err != nil {
			return nil, err
		}
		l, ok := args[0].([]any)
		if !ok {
			return nil, typeErr(name, "expected an array")
		}
		keys := make([]any, len(l))
		copy(keys, l)
		return sortByKeys(name, l, keys)
	case "to_array":
		if err := arity(name, args, 1, 1); err != nil {
			return nil, err
		}
		if l, ok := args[0].([]any); ok {
			return l, nil
		}
		return []any{args[0]}, nil
	case "to_string":
		if err := arity(name, args, 1, 1); err != nil {
			return nil, err
		}
		if s, ok := args[0].(string); ok {
			return s, nil
		}
		// The walk bounds the work before Marshal; escapes can still
		// lengthen the text, so the length is checked again after.
		if err := checkTree("to_string: the value", args[0], MaxStringLen); err != nil {
			return nil, err
		}
		b, err := json.Marshal(args[0])
		if err == nil && len(b) > MaxStringLen {
			return nil, tooLarge("to_string: the string has more than %d bytes", MaxStringLen)
		}
		return string(b), err
	case "to_number":
		if err := arity(name, args, 1, 1); err != nil {
			return nil, err
		}
		switch t := args[0].(type) {
		case float64:
			return t, nil
		case string:
			if f, err := strconv.ParseFloat(t, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
				return f, nil
			}
		}
		return nil, nil
	case "type":
		if err := arity(name, args, 1, 1); err != nil {
			return nil, err
		}
		return typeName(args[0]), nil
	}
	return nil, fmt.Errorf("%w: unknown function %s()", ErrInvalidType, name)
}

func numberFunc(name string, args []any) (any, error) {
	if err := arity(name, args, 1, 1); err != nil {
		return nil, err
	}
	f, ok := args[0].(float64)
	if !ok {
		return nil, typeErr(name, "expected a number")
	}
	switch name {
	case "abs":
		return math.Abs(f), nil
	case "ceil":
		return math.Ceil(f), nil
	}
	return math.Floor(f), nil
}

func aggregate(name string, args []any) (any, error) {
	if err := arity(name, args, 1, 1); err != nil {
		return nil, err
	}
	l, ok := args[0].([]any)
	if !ok {
		return nil, typeErr(name, "expected an array")
	}
	if name == "max" || name == "min" {
		return extreme(name, l, l)
	}
	sum := 0.0
	for _, e := range l {
		f, ok := e.(float64)
		if !ok {
			return nil, typeErr(name, "expected an array of numbers")
		}
		sum += f
	}
	if name == "sum" {
		return sum, nil
	}
	if len(l) == 0 {
		return nil, nil
	}
	return sum / float64(len(l)), nil
}

// extreme returns the element of items whose key is largest (max) or
// smallest (min); keys must be all numbers or all strings.
func extreme(name string, items, keys []any) (any, error) {
	if len(items) == 0 {
		return nil, nil
	}
	if _, err := less(name, keys[0], keys[0]); err != nil {
		return nil, err
	}
	best, wantMax := 0, strings.HasPrefix(name, "max")
	for i := 1; i < len(keys); i++ {
		a, b := keys[i], keys[best]
		if wantMax {
			a, b = b, a
		}
		better, err := less(name, a, b)
		if err != nil {
			return nil, err
		}
		if better {
			best = i
		}
	}
	return items[best], nil
}

func less(name string, a, b any) (bool, error) {
	switch x := a.(type) {
	case float64:
		if y, ok := b.(float64); ok {
			return x < y, nil
		}
	case string:
		if y, ok := b.(string); ok {
			return x < y, nil
		}
	}
	return false, typeErr(name, "expected numbers or strings of one type")
}

func sortByKeys(name string, items, keys []any) (any, error) {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	var err error
	sort.SliceStable(idx, func(i, j int) bool {
		l, e := less(name, keys[idx[i]], keys[idx[j]])
		if e != nil {
			err = e
		}
		return l
	})
	if len(items) == 1 {
		_, err = less(name, keys[0], keys[0])
	}
	if err != nil {
		return nil, err
	}
	out := make([]any, len(items))
	for i, k := range idx {
		out[i] = items[k]
	}
	return out, nil
}

func mapFunc(args []any) (any, error) {
	if err := arity("map", args, 2, 2); err != nil {
		return nil, err
	}
	e, ok1 := args[0].(expref)
	l, ok2 := args[1].([]any)
	if !ok1 || !ok2 {
		return nil, typeErr("map", "expected an expression and an array")
	}
	out := make([]any, len(l))
	for i, item := range l {
		r, err := eval(e.n, item)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

func byFunc(name string, args []any) (any, error) {
	if err := arity(name, args, 2, 2); err != nil {
		return nil, err
	}
	l, ok1 := args[0].([]any)
	e, ok2 := args[1].(expref)
	if !ok1 || !ok2 {
		return nil, typeErr(name, "expected an array and an expression")
	}
	keys := make([]any, len(l))
	for i, item := range l {
		r, err := eval(e.n, item)
		if err != nil {
			return nil, err
		}
		keys[i] = r
	}
	if name == "sort_by" {
		return sortByKeys(name, l, keys)
	}
	return extreme(name, l, keys)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
