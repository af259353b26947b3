// SPDX-License-Identifier: MIT

package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/appframework/policy"
	"github.com/blankett/blankett/datamodels/testcorpus"
)

// FuzzParse feeds arbitrary bytes to Parse and decides a few requests against
// what parses. Nothing may panic; testdata and the corpus policies are seeds.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.xml"))
	more, _ := filepath.Glob(filepath.Join("testdata", "parse", "*.xml"))
	seeds = append(seeds, more...)
	if root, ok := testcorpus.Dir(); ok {
		apps, _ := filepath.Glob(filepath.Join(root, "apps", "*", "App", "config", "authorization", "policy.xml"))
		seeds = append(seeds, apps...)
	}
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	reqs := []policy.Request{
		{Subject: policy.Subject{Roles: []string{"DAGL"}, UserID: "1", AuthLevel: 2}, Resource: policy.Resource{Org: "ttd", App: "a", Task: "Task_1"}, Action: "write"},
		{Subject: policy.Subject{Org: "ttd", AuthLevel: 3}, Resource: policy.Resource{Org: "ttd", App: "a", EndEvent: "EndEvent_1"}, Action: "complete"},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := policy.ParseBytes(data, policy.Options{Org: "ttd", App: "a"})
		if err != nil {
			return
		}
		for _, r := range reqs {
			if _, err := p.Decide(context.Background(), r); err != nil {
				t.Fatalf("Decide on a parsed policy: %v", err)
			}
		}
	})
}
