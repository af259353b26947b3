// SPDX-License-Identifier: MIT

package expr

import (
	"strconv"
	"strings"
)

// translate returns the text with key in the user's language with its {n}
// variables filled in, or the key itself when there is no such text.
func (ev *evaluator) translate(key string) (Value, error) {
	if ev.env.Texts == nil {
		return String(key), nil
	}
	res, ok := ev.env.Texts.Text(key)
	if !ok {
		return String(key), nil
	}
	if len(res.Variables) == 0 {
		return String(res.Value), nil
	}
	vals := make([]string, len(res.Variables))
	for i, v := range res.Variables {
		s, ok := ev.textVariable(v)
		switch {
		case ok:
			vals[i] = s
		case v.DefaultValue != nil:
			vals[i] = *v.DefaultValue
		default:
			vals[i] = v.Key
		}
	}
	return String(fillPlaceholders(res.Value, vals)), nil
}

// textVariable reads one variable. Inside repeating groups a dataModel key may
// mark row positions as [{0}], [{1}]..., or leave them out to use the
// current row, as dataModel does.
func (ev *evaluator) textVariable(v TextVariable) (string, bool) {
	var val Value
	switch {
	case strings.HasPrefix(v.DataSource, "dataModel."):
		dataType := strings.TrimPrefix(v.DataSource, "dataModel.")
		if dataType == "default" {
			dataType = ev.scope.DataType
		}
		key := fillPlaceholders(v.Key, intsToStrings(ev.scope.Rows()))
		p, err := ParsePath(key)
		if err != nil {
			return "", false
		}
		if len(ev.scope.Row) > 0 && sameDataType(dataType, ev.scope.RowDataType, ev.scope.DataType) {
			p = p.Transpose(ev.scope.Row)
		}
		if ev.env.Data == nil {
			return "", false
		}
		if val, err = ev.env.Data.Lookup(dataType, p); err != nil {
			return "", false
		}
	case v.DataSource == "instanceContext":
		val, _ = ev.instanceContext(v.Key)
	case v.DataSource == "applicationSettings":
		val = ev.env.FrontendSettings[v.Key]
	}
	switch val.kind {
	case KindNull, KindList, KindObject:
		return "", false
	}
	return textOf(val), true
}

// fillPlaceholders replaces {0}, {1}... with vals; other braces stay as written.
func fillPlaceholders(s string, vals []string) string {
	if len(vals) == 0 || !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		n, err := strconv.Atoi(s[i+1 : i+j])
		b.WriteString(s[:i])
		if err == nil && n >= 0 && n < len(vals) && s[i+1] != '+' && s[i+1] != '-' {
			b.WriteString(vals[n])
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
}

func intsToStrings(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Itoa(x)
	}
	return out
}
