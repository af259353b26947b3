// SPDX-License-Identifier: MIT

package component

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
)

// rowSuffix is the part of app-frontend's id pattern that matters at run
// time: an id must not end in -<digits> (fewer than six), because component
// instances in repeating-group rows are named <id>-<row>.
var rowSuffix = regexp.MustCompile(`(^|[^0-9])-[0-9]{1,5}$`)

// Parse reads one component from its JSON object. It returns nil only when
// raw is not a JSON object; every other problem is an Issue (pointers
// relative to the component) and the component is kept as far as it reads.
func Parse(raw json.RawMessage) (*Component, []Issue) {
	m, err := decodeObject(raw)
	if err != nil {
		return nil, []Issue{{Severity: Error, Code: "not-object", Message: err.Error()}}
	}
	return parseMap(raw, m, "")
}

func decodeObject(raw json.RawMessage) (map[string]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, errors.New("a component is a JSON object")
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	return m, nil
}

// parseMap builds the component from its decoded object m. mergedFrom is
// the written type when ParseLayout has already rewritten m.
func parseMap(raw json.RawMessage, m map[string]json.RawMessage, mergedFrom string) (*Component, []Issue) {
	var issues []Issue
	c := &Component{Raw: raw}
	var typ string
	_ = json.Unmarshal(m["type"], &typ)
	c.WrittenType = typ
	if mergedFrom != "" {
		c.WrittenType = mergedFrom
	}
	if t, ok := m["triggers"]; ok {
		_ = json.Unmarshal(t, &c.Triggers)
	}
	rewritten, notes := rewriteV3(m, typ)
	rewritten = rewritten || mergedFrom != ""
	issues = append(issues, notes...)
	body := raw
	if rewritten {
		body, _ = json.Marshal(m)
		_ = json.Unmarshal(m["type"], &typ)
	}

	var com common
	if err := json.Unmarshal(body, &com); err != nil {
		issues = append(issues, typeIssue(err))
	}
	c.ID = com.ID
	info, known := Lookup(typ)
	c.Type, c.Known, c.Category = info.Name, known, info.Category
	switch {
	case typ == "":
		issues = append(issues, Issue{Severity: Error, Code: "missing-type", Pointer: "/type", Message: "component has no type"})
	case !known:
		issues = append(issues, Issue{Severity: Warning, Code: "unknown-type", Pointer: "/type",
			Message: fmt.Sprintf("unknown component type %q; kept with all its properties", typ)})
	case info.Name != typ && !rewritten:
		issues = append(issues, Issue{Severity: Warning, Code: "type-case", Pointer: "/type",
			Message: fmt.Sprintf("type %q is spelled %q", typ, info.Name)})
	}
	switch {
	case c.ID == "":
		issues = append(issues, Issue{Severity: Error, Code: "missing-id", Pointer: "/id", Message: "component has no id"})
	case rowSuffix.MatchString(c.ID):
		issues = append(issues, Issue{Severity: Warning, Code: "id-pattern", Pointer: "/id",
			Message: fmt.Sprintf("id %q does not match app-frontend's id pattern (it must not end in -<digits>)", c.ID)})
	}
	c.Hidden, c.Required, c.ReadOnly = com.Hidden, com.Required, com.ReadOnly
	c.RenderAsSummary, c.ForceShowInSummary, c.RemoveWhenHidden = com.RenderAsSummary, com.ForceShowInSummary, com.RemoveWhenHidden
	c.TextResourceBindings, c.DataModelBindings = com.TextResourceBindings, com.DataModelBindings
	c.Grid, c.PageBreak, c.ShowValidations, c.LabelSettings = com.Grid, com.PageBreak, com.ShowValidations, com.LabelSettings

	if known {
		c.Props = info.newProps()
		if err := json.Unmarshal(body, c.Props); err != nil {
			issues = append(issues, typeIssue(err))
		}
	}
	issues = append(issues, collectExprIssues(c)...)
	c.Extra = extraKeys(m, c.Props)
	c.Children = childRefs(c)
	for i := range issues {
		issues[i].Component = c.ID
	}
	return c, issues
}

// extraKeys returns the keys of m that neither common nor props read.
func extraKeys(m map[string]json.RawMessage, props Props) map[string]json.RawMessage {
	com := knownKeys(&common{})
	var typed map[string]bool
	if props != nil {
		typed = knownKeys(props)
	}
	var extra map[string]json.RawMessage
	for k, v := range m {
		if com[k] || typed[k] || k == "triggers" {
			continue
		}
		if extra == nil {
			extra = map[string]json.RawMessage{}
		}
		extra[k] = v
	}
	return extra
}

// typeIssue turns a decoding error (a property of the wrong JSON type) into
// a warning; encoding/json has already decoded everything else.
func typeIssue(err error) Issue {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return Issue{Severity: Warning, Code: "invalid-property", Pointer: "/" + dotToPointer(te.Field),
			Message: fmt.Sprintf("%s is %s; want %s", te.Field, te.Value, te.Type)}
	}
	return Issue{Severity: Error, Code: "invalid-property", Message: err.Error()}
}

func dotToPointer(field string) string {
	b := []byte(field)
	for i := range b {
		if b[i] == '.' {
			b[i] = '/'
		}
	}
	return string(b)
}

// collectExprIssues reports every expression and binding that did not parse.
func collectExprIssues(c *Component) []Issue {
	var out []Issue
	visit := func(p string, v any) {
		switch x := v.(type) {
		case *Expr:
			if x.Err != nil {
				out = append(out, Issue{Severity: exprSeverity(p), Code: "invalid-expression", Pointer: p, Message: x.Err.Error()})
			}
		case *Binding:
			if x.Err != nil {
				out = append(out, Issue{Severity: Error, Code: "invalid-binding", Pointer: p, Message: x.Err.Error()})
			}
		}
	}
	walkValue(reflect.ValueOf(c.commonView()), "", visit)
	if c.Props != nil {
		walkValue(reflect.ValueOf(c.Props), "", visit)
	}
	return out
}

// ParseLayout reads a page's layout array (the value of data.layout). It
// merges v3 Likert groups with their Likert child first, then parses every
// component. The result has one entry per item, nil for an item that is not
// an object (reported) or a Likert child merged into its group (reported as
// a rewrite). Issue pointers are relative to the array ("/3/hidden").
func ParseLayout(items []json.RawMessage) ([]*Component, []Issue) {
	maps := make([]map[string]json.RawMessage, len(items))
	var issues []Issue
	for i, raw := range items {
		m, err := decodeObject(raw)
		if err != nil {
			issues = append(issues, Issue{Severity: Error, Code: "not-object", Pointer: "/" + strconv.Itoa(i), Message: err.Error()})
			continue
		}
		maps[i] = m
	}
	drop, merged, notes := mergeLikert(maps)
	issues = append(issues, notes...)
	out := make([]*Component, len(items))
	for i, m := range maps {
		if m == nil || drop[i] {
			continue
		}
		from := ""
		if merged[i] {
			from = "Group"
		}
		c, is := parseMap(items[i], m, from)
		for _, is := range is {
			is.Pointer = "/" + strconv.Itoa(i) + is.Pointer
			issues = append(issues, is)
		}
		out[i] = c
	}
	return out, issues
}

// exprSeverity is Error for the expressions the server evaluates (hidden,
// required, readOnly, hiddenRow) and Warning for the rest, which only the
// browser evaluates and may use frontend functions this platform lacks.
func exprSeverity(pointer string) Severity {
	switch pointer {
	case "/hidden", "/required", "/readOnly", "/hiddenRow":
		return Error
	}
	return Warning
}
