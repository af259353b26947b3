// SPDX-License-Identifier: MIT

package app_test

import (
	"bytes"
	"net/http"
	"strconv"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/runtime/internal/instances"
)

// TestBodyLimits sends each JSON body the handlers read whole one byte over its
// cap, which is 413 data_element_too_large with nothing stored, and at its cap,
// which is answered as a small body would be.
func TestBodyLimits(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		tok, org := e.token(t, e.dagl), e.orgToken(t)
		party := strconv.FormatInt(e.orgParty, 10)
		base := "/ttd/signing-test/instances"
		r := e.do(t, tok, http.MethodPost, base+"?instanceOwnerPartyId="+party, nil)
		var inst instances.Instance
		r.JSON(t, &inst)
		ip, formID := base+"/"+inst.ID, inst.Data[0].ID
		owner := `{"instanceOwner":{"partyId":"` + party + `"}}`
		patch := `{"patches":[{"dataElementId":"` + formID + `","patch":[{"op":"add","path":"/form","value":{"name":"x"}}]}]}`
		const (
			mib       = 1 << 20
			kib64     = 64 << 10
			mib10     = 10 << 20
			tooLarge  = http.StatusRequestEntityTooLarge
			jsonType  = "application/json"
			codeLarge = instances.CodeTooLarge
		)
		tests := []struct {
			name, method, path, json string
			size                     int // the body is json padded with spaces to size bytes
			stream, org              bool
			status                   int
			code                     string
		}{
			{"instance template over 1 MiB", http.MethodPost, base, owner, mib + 1, false, false, tooLarge, codeLarge},
			{"instance template over 1 MiB, streamed", http.MethodPost, base, owner, mib + 1, true, false, tooLarge, codeLarge},
			{"InstansiationInstance over 1 MiB", http.MethodPost, base + "/create", owner, mib + 1, false, false, tooLarge, codeLarge},
			{"process/next body over 64 KiB", http.MethodPut, ip + "/process/next", `{"action":"write"}`, kib64 + 1, false, false, tooLarge, codeLarge},
			{"substatus over 64 KiB", http.MethodPut, ip + "/substatus", `{"label":"x"}`, kib64 + 1, false, true, tooLarge, codeLarge},
			{"patch request over 10 MiB", http.MethodPatch, ip + "/data", patch, mib10 + 1, false, false, tooLarge, codeLarge},
			{"instance template of 1 MiB", http.MethodPost, base, owner, mib, false, false, http.StatusCreated, ""},
			{"instance template of 1 MiB, streamed", http.MethodPost, base, owner, mib, true, false, http.StatusCreated, ""},
			{"InstansiationInstance of 1 MiB", http.MethodPost, base + "/create", owner, mib, false, false, http.StatusCreated, ""},
			{"process/next body of 64 KiB (the form is not filled in)", http.MethodPut, ip + "/process/next", `{"action":"write"}`, kib64, false, false,
				http.StatusConflict, instances.CodeValidationFailed},
			{"substatus of 64 KiB", http.MethodPut, ip + "/substatus", `{"label":"x"}`, kib64, false, true, http.StatusOK, ""},
			{"patch request of 10 MiB", http.MethodPatch, ip + "/data", patch, mib10, false, false, http.StatusOK, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				body := append([]byte(tt.json), bytes.Repeat([]byte(" "), tt.size-len(tt.json))...)
				as := tok
				if tt.org {
					as = org
				}
				before := e.counts(t)
				var r response
				if tt.stream {
					r = e.doStream(t, as, tt.method, tt.path, body, "Content-Type", jsonType)
				} else {
					r = e.do(t, as, tt.method, tt.path, body, "Content-Type", jsonType)
				}
				if r.Status != tt.status || (tt.code != "" && r.ProblemCode() != tt.code) {
					t.Fatalf("got %d %q, want %d %q: %.300s", r.Status, r.ProblemCode(), tt.status, tt.code, r.Body)
				}
				if tt.status == tooLarge {
					if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
						t.Errorf("Content-Type %q", ct)
					}
					if after := e.counts(t); after != before {
						t.Errorf("stored something: %+v → %+v", before, after)
					}
				}
			})
		}
	})
}
