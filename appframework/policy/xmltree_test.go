// SPDX-License-Identifier: MIT

package policy_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/appframework/policy"
)

// TestParseSplitText parses a description split into 250,000 pieces by
// comments (2 MB). It is not parallel so that the time bound measures the
// parser alone: appending each piece to a string took over 6 s at 1.6 MB and
// hours at 8 MB, collecting the pieces takes milliseconds.
func TestParseSplitText(t *testing.T) {
	doc := `<Policy xmlns="urn:oasis:names:tc:xacml:3.0:core:schema:wd-17" PolicyId="p" RuleCombiningAlgId="urn:oasis:names:tc:xacml:3.0:rule-combining-algorithm:deny-overrides"><Rule RuleId="r" Effect="Permit"><Description>` +
		strings.Repeat("a<!---->", 250_000) + `</Description></Rule></Policy>`
	start := time.Now()
	p, err := policy.ParseBytes([]byte(doc), policy.Options{})
	if d := time.Since(start); d > 10*time.Second { // the quadratic version took ~29 s here; 10 s leaves room for -race on a busy machine
		t.Errorf("parsing %d bytes took %v", len(doc), d)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rules) != 1 || len(p.Rules[0].Description) != 250_000 {
		t.Errorf("want one rule with a description of 250000 bytes, got %+v", p.Rules)
	}
}

// TestParseDirectives refuses DTDs: entity declarations are the start of a
// billion-laughs attack, and no XACML file needs one.
func TestParseDirectives(t *testing.T) {
	t.Parallel()
	const dtd = `<?xml version="1.0"?>
<!DOCTYPE Policy [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
`
	const policyStart = `<Policy xmlns="urn:oasis:names:tc:xacml:3.0:core:schema:wd-17" PolicyId="p" RuleCombiningAlgId="urn:oasis:names:tc:xacml:3.0:rule-combining-algorithm:deny-overrides">`
	tests := []struct {
		name, doc string
	}{
		{"declared", dtd + policyStart + `</Policy>`},
		{"referenced", dtd + policyStart + `<Description>&lol3;</Description></Policy>`},
		{"doctype only", `<!DOCTYPE Policy SYSTEM "http://example.com/x.dtd">` + policyStart + `</Policy>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := policy.ParseBytes([]byte(tt.doc), policy.Options{})
			if !errors.Is(err, policy.ErrMalformed) || !strings.Contains(err.Error(), "DOCTYPE") {
				t.Errorf("err = %v, want ErrMalformed about the DOCTYPE", err)
			}
		})
	}
}
