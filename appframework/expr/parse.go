// SPDX-License-Identifier: MIT

package expr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
)

// MaxDepth is how deeply calls may nest. Real expressions stay below 20; the
// limit keeps hostile input from exhausting the stack.
const MaxDepth = 100

// Parse parses an expression written as JSON: a literal, or an array whose
// first element names a function and whose other elements are arguments.
func Parse(data []byte) (*Expr, error) {
	x, err := decodeJSON(data)
	if err != nil {
		return nil, err
	}
	return ParseValue(x)
}

// ParseValue parses an expression that has already been decoded from JSON,
// with numbers as float64 or json.Number.
func ParseValue(x any) (*Expr, error) {
	p := parser{}
	n, ok := p.node(x, "$", 1)
	if !ok {
		return nil, p.err
	}
	return &Expr{root: n}, nil
}

// decodeJSON decodes one JSON value, refusing nesting beyond MaxDepth before
// the decoder builds it.
func decodeJSON(data []byte) (any, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if depth := jsonDepth(data); depth > MaxDepth {
		return nil, errorf("$", ErrTooDeep, "expression is nested %d levels deep; at most %d are allowed", depth, MaxDepth)
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err != nil {
		return nil, errorf("$", ErrSyntax, "malformed JSON: %v", err)
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return nil, errorf("$", ErrSyntax, "malformed JSON: data after the expression")
	}
	return x, nil
}

// jsonDepth returns the deepest nesting of arrays and objects, ignoring
// brackets inside strings. It gives up counting once past MaxDepth.
func jsonDepth(data []byte) int {
	depth, deepest, inString, escaped := 0, 0, false, false
	for _, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > deepest {
				deepest = depth
				if deepest > MaxDepth {
					return deepest
				}
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}

// parser builds nodes. In strict mode (collect false) it stops at the first
// problem and keeps it in err; in collect mode, used by Check, it records every
// problem and carries on with a null literal in place of the bad part.
type parser struct {
	collect bool
	issues  []Issue
	err     error
}

func (p *parser) fail(path string, kind error, format string, args ...any) {
	e := errorf(path, kind, format, args...)
	if p.collect {
		p.issues = append(p.issues, issueFrom(e))
		return
	}
	if p.err == nil {
		p.err = e
	}
}

// failed reports whether parsing must stop.
func (p *parser) failed() bool { return !p.collect && p.err != nil }

func (p *parser) node(x any, path string, depth int) (node, bool) {
	if depth > MaxDepth {
		p.fail(path, ErrTooDeep, "expression is nested more than %d levels deep", MaxDepth)
		return node{path: path}, false
	}
	switch t := x.(type) {
	case nil:
		return node{path: path}, true
	case bool:
		return node{lit: Bool(t), path: path}, true
	case string:
		return node{lit: String(t), path: path}, true
	case float64:
		return node{lit: Number(t), path: path}, true
	case json.Number:
		f, err := strconv.ParseFloat(string(t), 64)
		if err != nil || math.IsInf(f, 0) {
			p.fail(path, ErrSyntax, "number %s is out of range", t)
			return node{path: path}, p.collect
		}
		return node{lit: Number(f), path: path}, true
	case int:
		return node{lit: Number(float64(t)), path: path}, true
	case map[string]any:
		p.fail(path, ErrSyntax, `Invalid type "object"`)
		return node{path: path}, p.collect
	case []any:
		return p.call(t, path, depth)
	}
	p.fail(path, ErrSyntax, "Invalid type %q", fmt.Sprintf("%T", x))
	return node{path: path}, p.collect
}

func (p *parser) call(raw []any, path string, depth int) (node, bool) {
	if len(raw) == 0 {
		p.fail(path, ErrSyntax, "Missing function name in expression")
		return node{path: path}, p.collect
	}
	name, ok := raw[0].(string)
	if !ok {
		p.fail(path+"[0]", ErrSyntax, "Function name in expression should be string")
		return node{path: path}, p.collect
	}
	fn, ok := funcByName(name)
	if !ok {
		p.fail(path+"[0]", ErrUnknownFunction, "Function %q not implemented", name)
		if !p.collect {
			return node{path: path}, false
		}
	}
	n := node{fn: fn, path: path, args: make([]node, len(raw)-1)}
	for i, a := range raw[1:] {
		arg, ok := p.node(a, path+"["+strconv.Itoa(i+1)+"]", depth+1)
		if !ok {
			return n, false
		}
		n.args[i] = arg
	}
	if fn == fnLiteral { // unknown function in collect mode
		return node{path: path}, true
	}
	p.validate(&n)
	if p.failed() {
		return n, false
	}
	return n, true
}
