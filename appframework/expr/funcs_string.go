// SPDX-License-Identifier: MIT

package expr

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// stringFunc implements the string functions. Lengths and positions count
// UTF-16 code units, as JavaScript and .NET do, so an emoji counts as two.
func (c *call) stringFunc() (Value, error) {
	switch c.n.fn {
	case FuncConcat:
		parts := make([]string, len(c.args))
		size := 0
		for i := range c.args {
			parts[i] = textOf(c.args[i])
			if size += len(parts[i]); size > MaxStringLen {
				return Value{}, c.fail(ErrInvalidArgument, "concat: result too large (more than %d bytes)", MaxStringLen)
			}
		}
		return String(strings.Join(parts, "")), nil
	case FuncLowerCase, FuncUpperCase, FuncLowerCaseFirst, FuncUpperCaseFirst:
		return c.caseFunc()
	case FuncStringLength:
		s, _ := c.text(0)
		return Number(float64(utf16Len(s))), nil
	case FuncStringSlice:
		return c.stringSlice()
	case FuncStringReplace:
		s, ok1 := c.text(0)
		find, ok2 := c.text(1)
		repl, _ := c.text(2)
		if !ok1 || !ok2 || s == "" || find == "" {
			return Value{}, nil
		}
		// Nested replacements multiply the length, so check it before building.
		if n := strings.Count(s, find); len(s)+n*(len(repl)-len(find)) > MaxStringLen {
			return Value{}, c.fail(ErrInvalidArgument, "stringReplace: result too large (more than %d bytes)", MaxStringLen)
		}
		return String(strings.ReplaceAll(s, find, repl)), nil
	}
	a, aok := c.text(0)
	b, bok := c.text(1)
	if !aok || !bok {
		if c.n.fn == FuncNotContains {
			return Bool(true), nil
		}
		if c.n.fn == FuncStringIndexOf {
			return Value{}, nil
		}
		return Bool(false), nil
	}
	switch c.n.fn {
	case FuncContains:
		return Bool(strings.Contains(a, b)), nil
	case FuncNotContains:
		return Bool(!strings.Contains(a, b)), nil
	case FuncStartsWith:
		return Bool(strings.HasPrefix(a, b)), nil
	case FuncEndsWith:
		return Bool(strings.HasSuffix(a, b)), nil
	case FuncCommaContains:
		for part := range strings.SplitSeq(a, ",") {
			if strings.TrimSpace(part) == b {
				return Bool(true), nil
			}
		}
		return Bool(false), nil
	}
	// FuncStringIndexOf
	i := strings.Index(a, b)
	if i < 0 {
		return Value{}, nil
	}
	return Number(float64(utf16Len(a[:i]))), nil
}

func (c *call) caseFunc() (Value, error) {
	s, ok := c.text(0)
	if !ok {
		return Value{}, nil
	}
	switch c.n.fn {
	case FuncLowerCase:
		return String(strings.ToLower(s)), nil
	case FuncUpperCase:
		return String(strings.ToUpper(s)), nil
	}
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return String(s), nil
	}
	first := string(r)
	if c.n.fn == FuncLowerCaseFirst {
		first = strings.ToLower(first)
	} else {
		first = strings.ToUpper(first)
	}
	return String(first + s[size:]), nil
}

// stringSlice is ["stringSlice", s, start, end?]: negative positions count
// from the end and both are clamped to the string, as JavaScript's slice.
func (c *call) stringSlice() (Value, error) {
	start, sok, err := c.num(1)
	if err != nil {
		return Value{}, err
	}
	end, eok := 0.0, true
	if len(c.args) == 3 {
		if end, eok, err = c.num(2); err != nil {
			return Value{}, err
		}
	}
	if !sok || !eok {
		return Value{}, c.fail(ErrInvalidArgument, "Start/end index cannot be null (if you used an expression like stringIndexOf here, make sure to guard against null)")
	}
	s, ok := c.text(0)
	if !ok {
		return Value{}, nil
	}
	u := utf16.Encode([]rune(s))
	n := float64(len(u))
	clamp := func(x float64) int {
		if x < 0 {
			x += n
		}
		if x < 0 {
			x = 0
		}
		if x > n {
			x = n
		}
		return int(x)
	}
	from, to := clamp(start), len(u)
	if len(c.args) == 3 {
		to = clamp(end)
	}
	if to <= from {
		return String(""), nil
	}
	return String(string(utf16.Decode(u[from:to]))), nil
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
