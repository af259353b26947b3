// SPDX-License-Identifier: MIT

package instances

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// JSON Patch (RFC 6902) errors. A failed test op is the optimistic-concurrency
// signal of Altinn's PATCH (409); any other failure makes the patch unusable (422).
var (
	// ErrPatchTest: a test op found another value than the patch expected.
	ErrPatchTest = errors.New("instances: json patch test failed")
	// ErrPatchInvalid: the patch is malformed or names a location that does not exist.
	ErrPatchInvalid = errors.New("instances: invalid json patch")
)

// PatchOp is one RFC 6902 operation. Value is kept raw so that an explicit null
// differs from a missing value.
type PatchOp struct {
	Op    string          `json:"op"`
	Path  string          `json:"path"`
	From  string          `json:"from,omitempty"`
	Value json.RawMessage `json:"value,omitempty"`
}

// Patch is an RFC 6902 JSON Patch document.
type Patch []PatchOp

// UnmarshalJSON decodes a patch and refuses an operation object that repeats a
// member (RFC 6902 Appendix A.13), which encoding/json would silently accept.
func (p *Patch) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("%w: a patch is an array of operations: %v", ErrPatchInvalid, err)
	}
	out := make(Patch, 0, len(raw))
	for i, r := range raw {
		if err := uniqueMembers(r); err != nil {
			return fmt.Errorf("%w: operation %d: %v", ErrPatchInvalid, i, err)
		}
		var op PatchOp
		if err := json.Unmarshal(r, &op); err != nil {
			return fmt.Errorf("%w: operation %d: %v", ErrPatchInvalid, i, err)
		}
		out = append(out, op)
	}
	*p = out
	return nil
}

// uniqueMembers reports a repeated member name in the JSON object r.
func uniqueMembers(r json.RawMessage) error {
	dec := json.NewDecoder(bytes.NewReader(r))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return errors.New("an operation is an object")
	}
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		k, _ := t.(string)
		if seen[k] {
			return fmt.Errorf("member %q appears twice", k)
		}
		seen[k] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return err
		}
	}
	return nil
}

// Apply applies p to doc (a value as encoding/json decodes into any) and returns
// the result. doc is not changed: the operations run on a copy, so a patch that
// fails half way leaves nothing applied.
func (p Patch) Apply(doc any) (any, error) {
	cur, err := deepCopy(doc)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPatchInvalid, err)
	}
	for i, op := range p {
		if cur, err = op.apply(cur); err != nil {
			return nil, fmt.Errorf("operation %d (%s %s): %w", i, op.Op, op.Path, err)
		}
	}
	return cur, nil
}

func (op PatchOp) value() (any, error) {
	if len(op.Value) == 0 {
		return nil, fmt.Errorf("%w: %q needs a value", ErrPatchInvalid, op.Op)
	}
	var v any
	if err := json.Unmarshal(op.Value, &v); err != nil {
		return nil, fmt.Errorf("%w: value: %v", ErrPatchInvalid, err)
	}
	return v, nil
}

func (op PatchOp) apply(doc any) (any, error) {
	path, err := parsePointer(op.Path)
	if err != nil {
		return nil, err
	}
	switch op.Op {
	case "add", "replace", "test":
		v, err := op.value()
		if err != nil {
			return nil, err
		}
		switch op.Op {
		case "add":
			return add(doc, path, v)
		case "replace":
			if _, err := get(doc, path); err != nil {
				return nil, err
			}
			if doc, _, err = remove(doc, path); err != nil {
				return nil, err
			}
			return add(doc, path, v)
		}
		got, err := get(doc, path)
		if err != nil {
			return nil, err
		}
		if !jsonEqual(got, v) {
			return nil, fmt.Errorf("%w: the value at %q is not the expected one", ErrPatchTest, op.Path)
		}
		return doc, nil
	case "remove":
		doc, _, err = remove(doc, path)
		return doc, err
	case "move", "copy":
		from, err := parsePointer(op.From)
		if err != nil {
			return nil, err
		}
		if op.Op == "move" && len(path) > len(from) && isPrefix(from, path) {
			return nil, fmt.Errorf("%w: cannot move %q into its own child %q", ErrPatchInvalid, op.From, op.Path)
		}
		var v any
		if op.Op == "move" {
			if doc, v, err = remove(doc, from); err != nil {
				return nil, err
			}
		} else {
			if v, err = get(doc, from); err != nil {
				return nil, err
			}
			if v, err = deepCopy(v); err != nil {
				return nil, err
			}
		}
		return add(doc, path, v)
	}
	return nil, fmt.Errorf("%w: unknown op %q", ErrPatchInvalid, op.Op)
}

// parsePointer splits an RFC 6901 JSON Pointer into unescaped tokens.
func parsePointer(p string) ([]string, error) {
	if p == "" {
		return nil, nil
	}
	if p[0] != '/' {
		return nil, fmt.Errorf("%w: pointer %q must start with /", ErrPatchInvalid, p)
	}
	parts := strings.Split(p[1:], "/")
	for i, s := range parts {
		if strings.Contains(strings.ReplaceAll(strings.ReplaceAll(s, "~0", ""), "~1", ""), "~") {
			return nil, fmt.Errorf("%w: pointer %q has a bad escape", ErrPatchInvalid, p)
		}
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
	}
	return parts, nil
}

func isPrefix(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// index parses an array index token; "-" (past the end) only when end is allowed.
func index(tok string, n int, end bool) (int, error) {
	if tok == "-" && end {
		return n, nil
	}
	if tok == "" || (len(tok) > 1 && tok[0] == '0') || strings.TrimLeft(tok, "0123456789") != "" {
		return 0, fmt.Errorf("%w: %q is not an array index", ErrPatchInvalid, tok)
	}
	i, err := strconv.Atoi(tok)
	limit := n - 1
	if end {
		limit = n
	}
	if err != nil || i > limit {
		return 0, fmt.Errorf("%w: index %s is out of range", ErrPatchInvalid, tok)
	}
	return i, nil
}

func get(doc any, path []string) (any, error) {
	cur := doc
	for _, tok := range path {
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[tok]
			if !ok {
				return nil, fmt.Errorf("%w: no member %q", ErrPatchInvalid, tok)
			}
			cur = v
		case []any:
			i, err := index(tok, len(c), false)
			if err != nil {
				return nil, err
			}
			cur = c[i]
		default:
			return nil, fmt.Errorf("%w: %q is inside a value that is not a container", ErrPatchInvalid, tok)
		}
	}
	return cur, nil
}

// parentOf resolves a non-empty path but its last token, which it returns too.
func parentOf(doc any, path []string) (any, string, error) {
	parent, err := get(doc, path[:len(path)-1])
	return parent, path[len(path)-1], err
}

// add sets v at path: a new or replaced object member, or an array element
// inserted before the index. The parent must exist.
func add(doc any, path []string, v any) (any, error) {
	if len(path) == 0 {
		return v, nil
	}
	parent, last, err := parentOf(doc, path)
	if err != nil {
		return nil, err
	}
	switch c := parent.(type) {
	case map[string]any:
		c[last] = v
		return doc, nil
	case []any:
		i, err := index(last, len(c), true)
		if err != nil {
			return nil, err
		}
		grown := append(c[:i:i], append([]any{v}, c[i:]...)...)
		return setAt(doc, path[:len(path)-1], grown)
	}
	return nil, fmt.Errorf("%w: the parent of %q is not a container", ErrPatchInvalid, last)
}

// remove deletes the value at path and returns it.
func remove(doc any, path []string) (any, any, error) {
	if len(path) == 0 {
		return nil, doc, nil
	}
	parent, last, err := parentOf(doc, path)
	if err != nil {
		return nil, nil, err
	}
	switch c := parent.(type) {
	case map[string]any:
		v, ok := c[last]
		if !ok {
			return nil, nil, fmt.Errorf("%w: no member %q to remove", ErrPatchInvalid, last)
		}
		delete(c, last)
		return doc, v, nil
	case []any:
		i, err := index(last, len(c), false)
		if err != nil {
			return nil, nil, err
		}
		v := c[i]
		shrunk := append(c[:i:i], c[i+1:]...)
		doc, err = setAt(doc, path[:len(path)-1], shrunk)
		return doc, v, err
	}
	return nil, nil, fmt.Errorf("%w: the parent of %q is not a container", ErrPatchInvalid, last)
}

// setAt replaces the value at path (an array that changed length).
func setAt(doc any, path []string, v any) (any, error) {
	if len(path) == 0 {
		return v, nil
	}
	parent, last, err := parentOf(doc, path)
	if err != nil {
		return nil, err
	}
	switch c := parent.(type) {
	case map[string]any:
		c[last] = v
	case []any:
		i, err := index(last, len(c), false)
		if err != nil {
			return nil, err
		}
		c[i] = v
	}
	return doc, nil
}

// deepCopy copies a JSON value through encoding/json, which also normalises
// numbers and typed maps to the shapes the operations work on.
func deepCopy(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	err = json.Unmarshal(b, &out)
	return out, err
}

// jsonEqual compares two JSON values as RFC 6902's test does: numbers by value,
// objects regardless of member order.
func jsonEqual(a, b any) bool {
	x, err1 := deepCopy(a)
	y, err2 := deepCopy(b)
	return err1 == nil && err2 == nil && reflect.DeepEqual(x, y)
}
