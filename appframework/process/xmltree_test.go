// SPDX-License-Identifier: MIT

package process_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/appframework/process"
)

const definitionsStart = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">`

// TestParseSplitText parses documentation split into 250,000 pieces by
// comments (2 MB). It is not parallel so that the time bound measures the
// parser alone: appending each piece to a string took over 6 s at 1.6 MB and
// hours at 8 MB, collecting the pieces takes milliseconds.
func TestParseSplitText(t *testing.T) {
	doc := definitionsStart + `<bpmn:documentation>` + strings.Repeat("a<!---->", 250_000) +
		`</bpmn:documentation></bpmn:definitions>`
	start := time.Now()
	_, err := process.ParseBytes([]byte(doc))
	if d := time.Since(start); d > 10*time.Second { // the quadratic version took ~29 s here; 10 s leaves room for -race on a busy machine
		t.Errorf("parsing %d bytes took %v", len(doc), d)
	}
	// The file has no process; what matters is that the text was read.
	if !errors.Is(err, process.ErrMalformed) || !strings.Contains(err.Error(), "no bpmn:process") {
		t.Errorf("err = %v, want ErrMalformed for the missing process", err)
	}
}

// TestParseDirectives refuses DTDs: entity declarations are the start of a
// billion-laughs attack, and no BPMN file needs one.
func TestParseDirectives(t *testing.T) {
	t.Parallel()
	const dtd = `<?xml version="1.0"?>
<!DOCTYPE bpmn:definitions [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
`
	const proc = `<bpmn:process id="p"><bpmn:startEvent id="s"/></bpmn:process>`
	tests := []struct {
		name, doc string
	}{
		{"declared", dtd + definitionsStart + proc + `</bpmn:definitions>`},
		{"referenced", dtd + definitionsStart + `<bpmn:documentation>&lol3;</bpmn:documentation>` + proc + `</bpmn:definitions>`},
		{"doctype only", `<!DOCTYPE bpmn:definitions SYSTEM "http://example.com/x.dtd">` + definitionsStart + proc + `</bpmn:definitions>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := process.ParseBytes([]byte(tt.doc))
			if !errors.Is(err, process.ErrMalformed) || !strings.Contains(err.Error(), "DOCTYPE") {
				t.Errorf("err = %v, want ErrMalformed about the DOCTYPE", err)
			}
		})
	}
}
