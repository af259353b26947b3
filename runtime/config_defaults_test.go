// SPDX-License-Identifier: MIT

package runtime_test

import (
	"reflect"
	"testing"

	"github.com/blankett/blankett/internal/config"
	"github.com/blankett/blankett/runtime"
	"github.com/spf13/pflag"
)

// TestDefaultConfigMatchesFlags: DefaultConfig is what the flags' default tags set.
func TestDefaultConfigMatchesFlags(t *testing.T) {
	var got runtime.Config
	config.Register(pflag.NewFlagSet("t", pflag.ContinueOnError), &got)
	if want := runtime.DefaultConfig(); !reflect.DeepEqual(got, want) {
		t.Fatalf("flag defaults %+v, DefaultConfig %+v", got, want)
	}
}
