// SPDX-License-Identifier: MIT

package httpx

import (
	"encoding/json"
	"testing"
	"time"
)

func TestJSONError(t *testing.T) {
	type owner struct {
		PartyID int64 `json:"partyId"`
	}
	type body struct {
		Owner owner      `json:"instanceOwner"`
		Due   *time.Time `json:"dueBefore"`
		Tags  []string   `json:"tags"`
		On    bool       `json:"on"`
		Ratio float64    `json:"ratio"`
	}
	for _, tt := range []struct{ in, want string }{
		{`{"instanceOwner":{"partyId":"x"}}`, `"instanceOwner.partyId" must be a JSON integer, not a string`},
		{`{"tags":"a"}`, `"tags" must be a JSON array, not a string`},
		{`{"on":1}`, `"on" must be a JSON boolean, not a number`},
		{`{"ratio":"1"}`, `"ratio" must be a JSON number, not a string`},
		{`{"instanceOwner":[]}`, `"instanceOwner" must be a JSON object, not an array`},
		{`{"instanceOwner":{"partyId":1.5}}`, `"instanceOwner.partyId" must be a JSON integer, not a number 1.5`},
		{`{"tags":[true]}`, `"tags" must be a JSON string, not a boolean`},
		{`[1]`, `the body must be a JSON object, not an array`},
		{`{"dueBefore":"2020"}`, `"2020" is not a date-time in RFC 3339 form (like 2027-01-31T12:00:00Z)`},
		{`{"dueBefore":5}`, `a value is not of the kind this endpoint takes`},
		{`{"a":`, `the JSON breaks off before its end`},
		{``, `the JSON breaks off before its end`},
		{`{"a" 1}`, `the JSON is malformed at byte 6: invalid character '1' after object key`},
	} {
		var v body
		err := json.Unmarshal([]byte(tt.in), &v)
		if err == nil {
			t.Fatalf("%s decoded", tt.in)
		}
		if got := JSONError(err); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.in, got, tt.want)
		}
	}
}
