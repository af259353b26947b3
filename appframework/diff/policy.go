// SPDX-License-Identifier: MIT

package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/policy"
)

// rules returns the app's policy rules by id, as written: unbound, so
// [ORG] and [APP] stay placeholders and renaming the app changes no rule;
// nil when there is no policy or it does not parse.
func rules(a *app.App) map[string]policy.Rule {
	if a.Policy == nil {
		return nil
	}
	pol, err := policy.ParseBytes(a.Policy.Data, policy.Options{})
	if err != nil {
		return nil
	}
	out := map[string]policy.Rule{}
	for i, r := range pol.Rules {
		id := r.ID
		if id == "" {
			id = fmt.Sprintf("rule %d", i+1)
		}
		out[id] = r
	}
	return out
}

// summary says what a rule allows in a sentence: "permits DAGL, REGN to
// read, write in Task_1".
func summary(r policy.Rule) string {
	var who, what, where []string
	for _, anyOf := range r.Target {
		for _, all := range anyOf {
			for _, m := range all {
				switch {
				case m.Attribute.Category == policy.CategorySubject:
					who = appendNew(who, m.Value)
				case m.Attribute.ID == policy.AttrActionID:
					what = appendNew(what, m.Value)
				case m.Attribute.ID == policy.AttrTask || m.Attribute.ID == policy.AttrEndEvent:
					where = appendNew(where, m.Value)
				}
			}
		}
	}
	s := strings.ToLower(r.Effect.String()) + "s " + orAll(who, "anybody") + " to " + orAll(what, "do anything")
	if len(where) > 0 {
		s += " in " + strings.Join(where, ", ")
	}
	return s
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func orAll(list []string, none string) string {
	if len(list) == 0 {
		return none
	}
	return strings.Join(list, ", ")
}

// policy compares the rules of policy.xml by id.
func (d *differ) policy(a, b *app.App) {
	ra, rb := rules(a), rules(b)
	p := match(sortedKeys(ra), sortedKeys(rb), func(id string, inNew bool) string {
		if inNew {
			return ruleSignature(rb[id])
		}
		return ruleSignature(ra[id])
	})
	for _, id := range p.added {
		d.add(Added, AreaPolicyRule, id, "", "", "", "policy rule %q added: %s", id, summary(rb[id]))
	}
	for _, id := range p.removed {
		d.add(Removed, AreaPolicyRule, id, "", "", "", "policy rule %q removed (it %s)", id, summary(ra[id]))
	}
	for _, old := range sortedKeys(p.renamed) {
		d.add(Renamed, AreaPolicyRule, p.renamed[old], old, "", "", "policy rule %q renamed to %q", old, p.renamed[old])
	}
	for _, id := range p.both {
		if ruleSignature(ra[id]) != ruleSignature(rb[id]) {
			d.add(Changed, AreaPolicyRule, id, "", "", "", "policy rule %q changed: it %s; before, it %s", id, summary(rb[id]), summary(ra[id]))
		}
	}
}

// ruleSignature is a rule's effect, target and obligations, without its id
// and line.
func ruleSignature(r policy.Rule) string {
	return fmt.Sprintf("%v|%v|%v|%s", r.Effect, r.Target, r.Obligations, r.Description)
}
