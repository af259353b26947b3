// SPDX-License-Identifier: MIT

package process_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

// FuzzParse feeds arbitrary bytes to Parse, then runs Check and Next from
// every element of what parses. None may panic or loop; the testdata and the
// corpus's process files are the seeds.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*", "*.bpmn"))
	if root, ok := testcorpus.Dir(); ok {
		more, _ := filepath.Glob(filepath.Join(root, "apps", "*", "App", "config", "process", "process.bpmn"))
		seeds = append(seeds, more...)
	}
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	flip := false
	eval := process.GatewayFunc(func(process.Condition) (bool, error) {
		flip = !flip
		return flip, nil
	})
	f.Fuzz(func(t *testing.T, data []byte) {
		def, err := process.ParseBytes(data)
		if err != nil {
			return
		}
		_ = process.Check(def, checkInput)
		for _, e := range def.Elements {
			_, _ = def.Next(e.ID, "", eval)
			_, _ = def.Next(e.ID, "reject", nil)
		}
	})
}
