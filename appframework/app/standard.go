// SPDX-License-Identifier: MIT

package app

import (
	"github.com/blankett/blankett/appframework/policy"
	"github.com/blankett/blankett/appframework/process"
)

// StandardOptions returns Options that parse process.bpmn with
// appframework/process (ProcessFile.Definition is a *process.Definition)
// and policy.xml with appframework/policy (PolicyFile.Definition is a
// *policy.Policy), so a malformed BPMN or a policy with an unknown attribute
// fails Load with the file named.
//
// The ParsePolicy hook is given only the file, not the app's org and name,
// so the policy is parsed unbound: its [ORG] and [APP] placeholders stay as
// written (policy.Policy.Unbound) and never match a real request. Callers
// that decide requests re-parse PolicyFile.Data with policy.Options from
// Metadata; appframework/lint does so too.
func StandardOptions() Options {
	return Options{
		ParseProcess: func(_ string, data []byte) (any, error) {
			def, err := process.ParseBytes(data)
			if err != nil {
				return nil, err
			}
			return def, nil
		},
		ParsePolicy: func(_ string, data []byte) (any, error) {
			pol, err := policy.ParseBytes(data, policy.Options{})
			if err != nil {
				return nil, err
			}
			return pol, nil
		},
	}
}
