// SPDX-License-Identifier: MIT

package jsonobj_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

func TestDecodeRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{`{"b":1,"a":[true,null,"<x>"],"c":{"z":1.50,"y":{}}}`, `{"b":1,"a":[true,null,"<x>"],"c":{"z":1.50,"y":{}}}`},
		{"\ufeff[]", `[]`},
		{`"s"`, `"s"`},
	}
	for _, tt := range tests {
		v, err := jsonobj.Decode([]byte(tt.in))
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		o := jsonobj.New().Set("v", v)
		b, err := jsonobj.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(strings.Fields(string(b)), "")
		if want := `{"v":` + tt.want + `}`; got != want {
			t.Errorf("%s: got %s, want %s", tt.in, got, want)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	for _, in := range []string{`{"a":}`, `{"a":1`, `[1`, `{} {}`, strings.Repeat("[", 600) + strings.Repeat("]", 600), ``} {
		if _, err := jsonobj.Decode([]byte(in)); !errors.Is(err, jsonobj.ErrSyntax) {
			t.Errorf("%.20q: err = %v, want ErrSyntax", in, err)
		}
	}
}

func TestObjectSetKeepsPosition(t *testing.T) {
	t.Parallel()
	o := jsonobj.New().Set("a", 1).Set("b", 2).Set("a", 3)
	o.Delete("b")
	if k := o.Keys(); len(k) != 1 || k[0] != "a" || o.Value("a") != 3 {
		t.Fatalf("keys %v, a=%v", k, o.Value("a"))
	}
}
