// SPDX-License-Identifier: MIT

package authz_test

import (
	"encoding/json"
	"testing"

	"github.com/blankett/blankett/runtime/internal/authz"
)

func TestParseAPIScopes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, raw string
		want      authz.APIScopes
		wantErr   bool
	}{
		{"absent", "", authz.APIScopes{}, false},
		{"null", "null", authz.APIScopes{}, false},
		{"placeholder", `{"users":{"read":"ttd:[app]/read","write":"ttd:[app]/write"},"serviceOwners":{"read":"ttd:[app]/so.read"},"errorMessageTextResourceKey":"x"}`,
			authz.APIScopes{
				Users:         authz.ScopePair{Read: "ttd:signing-test/read", Write: "ttd:signing-test/write"},
				ServiceOwners: authz.ScopePair{Read: "ttd:signing-test/so.read"},
			}, false},
		{"not an object", `"x"`, authz.APIScopes{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := authz.ParseAPIScopes(json.RawMessage(tc.raw), "signing-test")
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if got != tc.want {
				t.Fatalf("ParseAPIScopes = %+v, want %+v", got, tc.want)
			}
		})
	}
}
