// SPDX-License-Identifier: MIT

package component_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/component"
)

func codes(issues []component.Issue) string {
	var out []string
	for _, is := range issues {
		out = append(out, string(is.Severity)+":"+is.Code+":"+is.Pointer)
	}
	return strings.Join(out, " ")
}

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in  string
		typ       string
		known     bool
		issues    string
		extraKeys string
		children  string
	}{
		{"input", `{"id": "name", "type": "Input", "dataModelBindings": {"simpleBinding": "a.b"}, "maxLength": 5, "required": true}`,
			"Input", true, "", "", ""},
		{"unknown type kept", `{"id": "x1", "type": "FancyWidget", "children": ["a"], "colour": "red"}`,
			"FancyWidget", false, "warning:unknown-type:/type", "children colour", "a"},
		{"unknown key kept", `{"id": "p1", "type": "Paragraph", "allowUserCreate": true}`,
			"Paragraph", true, "", "allowUserCreate", ""},
		{"type case", `{"id": "r", "type": "Radiobuttons"}`, "RadioButtons", true, "warning:type-case:/type", "", ""},
		{"missing id", `{"type": "Input"}`, "Input", true, "error:missing-id:/id", "", ""},
		{"missing type", `{"id": "a"}`, "", false, "error:missing-type:/type", "", ""},
		{"id pattern", `{"id": "row-1", "type": "Input"}`, "Input", true, "warning:id-pattern:/id", "", ""},
		{"bad hidden is an error", `{"id": "a", "type": "Input", "hidden": ["nope"]}`, "Input", true, "error:invalid-expression:/hidden", "", ""},
		{"bad text expression is a warning", `{"id": "a", "type": "Text", "value": ["externalApi", "x", "y"]}`,
			"Text", true, "warning:invalid-expression:/value", "", ""},
		{"bad binding", `{"id": "a", "type": "Input", "dataModelBindings": {"simpleBinding": "a..b"}}`,
			"Input", true, "error:invalid-binding:/dataModelBindings/simpleBinding", "", ""},
		{"wrong property type", `{"id": "a", "type": "Input", "maxLength": "ten"}`, "Input", true, "warning:invalid-property:/maxLength", "", ""},
		{"grid children", `{"id": "g", "type": "Grid", "rows": [{"cells": [{"text": "t"}, null, {"component": "c"}]}]}`,
			"Grid", true, "", "", "c"},
		{"cards media", `{"id": "cs", "type": "Cards", "cards": [{"media": "img", "children": ["a", "b"]}]}`,
			"Cards", true, "", "", "img a b"},
		{"tabs", `{"id": "ts", "type": "Tabs", "tabs": [{"id": "t1", "children": ["a"]}, {"id": "t2", "children": ["b"]}]}`,
			"Tabs", true, "", "", "a b"},
		{"repeating group slots", `{"id": "rg", "type": "RepeatingGroup", "dataModelBindings": {"group": "L"}, "children": ["0:a", "1:b", "c"],
			"rowsAfter": [{"cells": [{"component": "sum"}]}]}`, "RepeatingGroup", true, "", "", "a@0 b@1 c sum(after)"},
		{"address v3", `{"id": "adr", "type": "AddressComponent", "simplified": true}`, "Address", true, "info:v3-rewrite:/type", "", ""},
		{"repeating v3", `{"id": "rg", "type": "Group", "maxCount": 99, "dataModelBindings": {"group": "L"}, "children": ["a"],
			"edit": {"mode": "showTable", "filter": [{"key": "L.k", "value": "x"}]}}`,
			"RepeatingGroup", true, "info:v3-rewrite:/type info:v3-rewrite:/edit/filter", "", "a"},
		{"group v3 panel", `{"id": "g", "type": "Group", "maxCount": 1, "panel": {"variant": "info"}, "children": [],
			"textResourceBindings": {"body": "b"}}`, "Group", true,
			"info:v3-rewrite:/maxCount info:v3-rewrite:/panel info:v3-rewrite:/textResourceBindings/body", "", ""},
		{"triggers on form", `{"id": "a", "type": "Input", "triggers": ["validation"]}`, "Input", true, "info:v3-rewrite:/triggers", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, issues := component.Parse(json.RawMessage(tt.in))
			if c == nil {
				t.Fatalf("nil component, issues %v", issues)
			}
			if c.Type != tt.typ || c.Known != tt.known {
				t.Errorf("type %q known %v, want %q %v", c.Type, c.Known, tt.typ, tt.known)
			}
			if got := codes(issues); got != tt.issues {
				t.Errorf("issues %q, want %q", got, tt.issues)
			}
			var extra []string
			for _, k := range sortedKeys(c.Extra) {
				extra = append(extra, k)
			}
			if got := strings.Join(extra, " "); got != tt.extraKeys {
				t.Errorf("extra %q, want %q", got, tt.extraKeys)
			}
			if got := childString(c.Children); got != tt.children {
				t.Errorf("children %q, want %q", got, tt.children)
			}
		})
	}
}

func childString(refs []component.ChildRef) string {
	var out []string
	for _, r := range refs {
		s := r.ID
		if r.EditPage >= 0 {
			s += "@" + string(rune('0'+r.EditPage))
		}
		switch r.Slot {
		case component.BeforeRows:
			s += "(before)"
		case component.AfterRows:
			s += "(after)"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func TestParseNotObject(t *testing.T) {
	t.Parallel()
	for _, in := range []string{`[]`, `"x"`, ``, `{`} {
		c, issues := component.Parse(json.RawMessage(in))
		if c != nil || len(issues) != 1 || issues[0].Severity != component.Error {
			t.Errorf("%q: got %v %v", in, c, issues)
		}
	}
}

func TestV3Rewrites(t *testing.T) {
	t.Parallel()
	c, _ := component.Parse(json.RawMessage(`{"id": "rg", "type": "Group", "maxCount": 9, "dataModelBindings": {"group": "L"},
		"children": ["a"], "edit": {"filter": [{"key": "L.k", "value": "x"}, {"key": "L.j", "value": "y"}]},
		"textResourceBindings": {"body": "b"}, "triggers": ["validateRow"]}`))
	rg := c.Props.(*component.RepeatingGroupProps)
	if got := rg.HiddenRow.String(); got != `["or",["notEquals",["dataModel","L.k"],"x"],["notEquals",["dataModel","L.j"],"y"]]` {
		t.Errorf("hiddenRow %s", got)
	}
	if !rg.HiddenRow.IsSet() || *rg.MaxCount != 9 || strings.Join(rg.ValidateOnSaveRow, ",") != "All" {
		t.Errorf("props %+v", rg)
	}
	if c.TextResourceBindings["description"].String() != `"b"` || c.TextResourceBindings["body"] != nil {
		t.Errorf("trb %v", c.TextResourceBindings)
	}
	if c.WrittenType != "Group" || strings.Join(c.Triggers, ",") != "validateRow" {
		t.Errorf("written %q triggers %v", c.WrittenType, c.Triggers)
	}

	nav, _ := component.Parse(json.RawMessage(`{"id": "nav", "type": "NavigationButtons", "triggers": ["validatePage"]}`))
	if v := nav.Props.(*component.NavigationButtonsProps).ValidateOnNext; v == nil || v.Page != "current" {
		t.Errorf("validateOnNext %+v", v)
	}
	bar, _ := component.Parse(json.RawMessage(`{"id": "bar", "type": "NavigationBar", "triggers": ["validateAllPages"]}`))
	if v := bar.Props.(*component.NavigationBarProps).ValidateOnForward; v == nil || v.Page != "all" {
		t.Errorf("validateOnForward %+v", v)
	}
	g, _ := component.Parse(json.RawMessage(`{"id": "g", "type": "Group", "showGroupingIndicator": true, "children": []}`))
	if gi := g.Props.(*component.GroupProps).GroupingIndicator; gi != "indented" {
		t.Errorf("groupingIndicator %q", gi)
	}
}

func TestParseLayoutLikert(t *testing.T) {
	t.Parallel()
	items := []json.RawMessage{
		json.RawMessage(`{"id": "survey", "type": "Group", "maxCount": 99, "children": ["q"],
			"dataModelBindings": {"group": "Questions"}, "textResourceBindings": {"title": "t"},
			"edit": {"mode": "likert", "filter": [{"key": "start", "value": "1"}]}}`),
		json.RawMessage(`{"id": "q", "type": "Likert", "optionsId": "scale", "required": true,
			"dataModelBindings": {"simpleBinding": "Questions.Answer"}, "textResourceBindings": {"title": "Questions.Text"}}`),
		json.RawMessage(`{"id": "after", "type": "Paragraph"}`),
	}
	comps, issues := component.ParseLayout(items)
	if len(comps) != 3 || comps[1] != nil || comps[0] == nil || comps[2] == nil {
		t.Fatalf("components %v", comps)
	}
	l := comps[0]
	if l.Type != "Likert" || l.WrittenType != "Group" {
		t.Errorf("type %s written %s", l.Type, l.WrittenType)
	}
	if l.Binding("questions").Field != "Questions" || l.Binding("answer").Field != "Questions.Answer" || l.Binding("group") != nil {
		t.Errorf("bindings %v", l.DataModelBindings)
	}
	lp := l.Props.(*component.LikertProps)
	if lp.OptionsID != "scale" || len(lp.Filter) != 1 || !l.Required.IsSet() || l.TextResourceBindings["questions"].String() != `"Questions.Text"` {
		t.Errorf("likert props %+v required %v trb %v", lp, l.Required, l.TextResourceBindings)
	}
	if len(l.Children) != 0 || codes(issues) != "info:v3-rewrite:/0" {
		t.Errorf("children %v issues %s", l.Children, codes(issues))
	}
}

func TestWalkExprs(t *testing.T) {
	t.Parallel()
	c, _ := component.Parse(json.RawMessage(`{"id": "rg", "type": "RepeatingGroup", "hidden": false,
		"dataModelBindings": {"group": "L"}, "children": [], "hiddenRow": ["equals", 1, 1],
		"edit": {"addButton": ["not", false]}, "textResourceBindings": {"title": "t", "add_button": "a"}}`))
	var got []string
	c.WalkExprs(func(p string, _ *component.Expr) { got = append(got, p) })
	want := "/hidden /textResourceBindings/add_button /textResourceBindings/title /edit/addButton /hiddenRow"
	if strings.Join(got, " ") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	for _, name := range component.Types() {
		info, ok := component.Lookup(name)
		if !ok || info.Name != name || info.Category == component.Unknown {
			t.Errorf("%s: %+v %v", name, info, ok)
		}
	}
	if _, ok := component.Lookup("nope"); ok {
		t.Error("unknown type found")
	}
	if n := len(component.Types()); n < 60 {
		t.Errorf("only %d types", n)
	}
}
