// SPDX-License-Identifier: MIT

package jsonxsd_test

import (
	"testing"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

func mustObject(t *testing.T, data []byte) *jsonobj.Object {
	t.Helper()
	v, err := jsonobj.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	o, ok := v.(*jsonobj.Object)
	if !ok {
		t.Fatal("not a JSON object")
	}
	return o
}
