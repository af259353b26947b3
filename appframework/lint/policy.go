// SPDX-License-Identifier: MIT

package lint

import (
	"context"
	"errors"
	"io/fs"
	"regexp"
	"slices"
	"strconv"

	"github.com/blankett/blankett/appframework/policy"
	"github.com/blankett/blankett/appframework/process"
)

// policyCodes name the parse errors of policy.xml by sentinel.
var policyCodes = []struct {
	err  error
	code string
}{
	{policy.ErrUnknownAttribute, "policy-unknown-attribute"},
	{policy.ErrUnsupported, "policy-unsupported"},
	{policy.ErrMalformed, "policy-malformed"},
}

// policy parses policy.xml bound to the app's org and name, reports rules
// about tasks the process lacks, and actions of the process that no rule
// lets anybody perform.
func (l *linter) policy() {
	file := l.root + "config/authorization/policy.xml"
	data, err := fs.ReadFile(l.fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		if l.app != nil {
			l.add(Warning, "policy-missing", file, "", "the app has no policy.xml, so nobody may do anything with its instances")
		}
		return
	}
	if err != nil {
		l.add(Error, "read-error", file, "", "%v", err)
		return
	}
	pol, err := policy.ParseBytes(data, policy.Options{Org: l.org, App: l.name})
	if err != nil {
		code := "policy-invalid"
		for _, c := range policyCodes {
			if errors.Is(err, c.err) {
				code = c.code
				break
			}
		}
		l.addLine(Error, code, file, errLine(err), "%v", err)
		return
	}
	if l.def == nil || l.org == "" || l.name == "" {
		return // without org and app the rules cannot be bound
	}
	for _, r := range pol.Rules {
		for _, m := range matches(r.Target, policy.CategoryResource) {
			if m.Attribute.ID == policy.AttrTask && l.def.Task(m.Value) == nil {
				l.addLine(Warning, "policy-task-unknown", file, r.Line, "rule %s is about task %q, which the process does not have", r.ID, m.Value)
			}
			if m.Attribute.ID == policy.AttrEndEvent && !l.def.Element(m.Value).IsEnd() {
				l.addLine(Warning, "policy-task-unknown", file, r.Line, "rule %s is about end event %q, which the process does not have", r.ID, m.Value)
			}
		}
	}
	subjects := candidates(pol)
	may := func(task, action string) bool {
		for _, s := range subjects {
			d, err := pol.Decide(context.Background(), policy.Request{Subject: s, Action: action,
				Resource: policy.Resource{Org: l.org, App: l.name, Task: task}})
			if err == nil && d.Permitted() {
				return true
			}
		}
		return false
	}
	if !may("", process.ActionInstantiate) {
		l.add(Warning, "policy-action-denied", file, "", "no rule lets anybody instantiate the app")
	}
	for _, e := range l.def.Tasks() {
		if e.Task.Type.Service() {
			continue // the runtime runs service tasks itself
		}
		actions := append([]string{process.ActionRead}, e.Task.ProcessActions()...)
		for _, a := range e.Task.Actions {
			if !slices.Contains(actions, a.ID) {
				actions = append(actions, a.ID)
			}
		}
		for _, a := range actions {
			if !may(e.ID, a) {
				l.add(Warning, "policy-action-denied", file, "", "task %s (%s) uses action %q, but no rule lets anybody perform it there", e.ID, e.Task.Type, a)
			}
		}
	}
}

// matches returns every match of category in a target.
func matches(t policy.Target, category string) []policy.Match {
	var out []policy.Match
	for _, anyOf := range t {
		for _, all := range anyOf {
			for _, m := range all {
				if m.Attribute.Category == category {
					out = append(out, m)
				}
			}
		}
	}
	return out
}

// candidates are the subjects the policy speaks of: one per AllOf of
// subject matches (all its attributes together), at the highest
// authentication level so obligations never get in the way.
func candidates(pol *policy.Policy) []policy.Subject {
	var out []policy.Subject
	for _, r := range pol.Rules {
		for _, anyOf := range r.Target {
			for _, all := range anyOf {
				s := policy.Subject{AuthLevel: 4}
				n := 0
				for _, m := range all {
					if m.Attribute.Category != policy.CategorySubject {
						continue
					}
					n++
					switch m.Attribute.ID {
					case policy.AttrRoleCode:
						s.Roles = append(s.Roles, m.Value)
					case policy.AttrOrg:
						s.Org = m.Value
					case policy.AttrUserID:
						s.UserID = m.Value
					case policy.AttrPartyID:
						s.PartyID = m.Value
					case policy.AttrScope:
						s.Scopes = append(s.Scopes, m.Value)
					}
				}
				if n > 0 {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

var lineRE = regexp.MustCompile(`line (\d+)`)

// errLine finds "line N" in a parse error of process or policy.
func errLine(err error) int {
	if m := lineRE.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}
