// SPDX-License-Identifier: MIT

package apps

import (
	"os"
	"strings"
	"testing"
)

// TestRenameXML renames a task and a data type in a process with every task type
// (testdata/full.bpmn) and a task in the template policy: only the references
// change, every other byte stays.
func TestRenameXML(t *testing.T) {
	bpmn, err := os.ReadFile("testdata/full.bpmn")
	if err != nil {
		t.Fatal(err)
	}
	policy, err := os.ReadFile("testdata/policy.xml")
	if err != nil {
		t.Fatal(err)
	}
	// A match on another attribute with the same value, and one with the
	// designator before the value, in single quotes.
	extra := `<xacml:Match><xacml:AttributeValue>Task_1</xacml:AttributeValue>` +
		`<xacml:AttributeDesignator AttributeId="urn:altinn:end-event"/></xacml:Match>` +
		`<xacml:Match><xacml:AttributeDesignator AttributeId = 'urn:altinn:task'/>` +
		`<xacml:AttributeValue> Task_1 </xacml:AttributeValue></xacml:Match>`
	policy = []byte(strings.Replace(string(policy), "</xacml:Policy>", extra+"</xacml:Policy>", 1))

	tests := []struct {
		name   string
		rename func([]byte, string, string) ([]byte, error)
		in     []byte
		from   string
		to     string
		want   func(string) string
	}{
		{"task", renameTaskBPMN, bpmn, "Fill", "Utfylling", func(s string) string {
			return strings.NewReplacer(`"Fill"`, `"Utfylling"`, `>Fill<`, `>Utfylling<`).Replace(s)
		}},
		{"data type", renameDataTypeBPMN, bpmn, "model", "skjema", func(s string) string {
			return strings.ReplaceAll(s, `>model<`, `>skjema<`)
		}},
		{"data type not named", renameDataTypeBPMN, bpmn, "nope", "x", func(s string) string { return s }},
		{"policy task", renameTaskPolicy, policy, "Task_1", "Utfylling", func(s string) string {
			s = strings.ReplaceAll(s, `>Task_1</xacml:AttributeValue>`+"\n", `>Utfylling</xacml:AttributeValue>`+"\n")
			return strings.ReplaceAll(s, `> Task_1 <`, `> Utfylling <`)
		}},
	}
	for _, tt := range tests {
		got, err := tt.rename(tt.in, tt.from, tt.to)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if want := tt.want(string(tt.in)); string(got) != want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, want)
		}
	}
	if _, err := renameTaskBPMN([]byte("<bpmn:definitions"), "a", "b"); err == nil {
		t.Error("a broken process renamed without an error")
	}
}

// TestAttrEdits checks the attribute scanner on quoting, spacing and prefixes.
func TestAttrEdits(t *testing.T) {
	in := []byte(`<x:flow id="a" x:sourceRef = 'a' targetRef="b" name="sourceRef='a'" bpmnElement="a"/>`)
	var edits []xmlEdit
	if err := walkXML(in, func(tk xmlTok) {
		if tk.start == 0 {
			edits = attrEdits(tk, "a", "Z", "id", "sourceRef", "bpmnElement")
		}
	}); err != nil {
		t.Fatal(err)
	}
	want := `<x:flow id="Z" x:sourceRef = 'Z' targetRef="b" name="sourceRef='a'" bpmnElement="Z"/>`
	if got := string(applyXMLEdits(in, edits)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
