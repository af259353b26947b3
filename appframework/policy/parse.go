// SPDX-License-Identifier: MIT

package policy

import (
	"bytes"
	"io"
	"strings"
)

const (
	xacmlNS = "urn:oasis:names:tc:xacml:3.0:core:schema:wd-17"
	// Match functions of the subset.
	fnStringEqual           = "urn:oasis:names:tc:xacml:1.0:function:string-equal"
	fnStringEqualIgnoreCase = "urn:oasis:names:tc:xacml:3.0:function:string-equal-ignore-case"
	typeString              = "http://www.w3.org/2001/XMLSchema#string"
	typeInteger             = "http://www.w3.org/2001/XMLSchema#integer"
)

// Options bind a policy to its app. Altinn's templates write [ORG] and [APP]
// and Altinn substitutes them at deploy; Parse does so when these are set.
// Case is ignored because real files also write [org]
// (multiple-datamodels-test, in its service-owner rules).
type Options struct {
	Org, App string
}

// Parse reads a policy.xml. Errors name the line of the offending element.
func Parse(r io.Reader, opts Options) (*Policy, error) {
	root, err := readTree(r)
	if err != nil {
		return nil, err
	}
	p := &parser{opts: opts}
	return p.policy(root)
}

// ParseBytes is Parse over a byte slice.
func ParseBytes(data []byte, opts Options) (*Policy, error) {
	return Parse(bytes.NewReader(data), opts)
}

type parser struct {
	opts    Options
	unbound bool
}

// isXACML accepts the XACML 3.0 namespace or none; XACML 2.0 files have a
// different structure and are rejected by name.
func isXACML(n *node) bool { return n.Space == xacmlNS || n.Space == "" }

func (p *parser) policy(root *node) (*Policy, error) {
	if root.Local == "PolicySet" {
		return nil, posError(ErrUnsupported, root.Line, root.Col, "PolicySet; only a single Policy is supported")
	}
	if root.Local != "Policy" || !isXACML(root) {
		return nil, posError(ErrMalformed, root.Line, root.Col, "root element is {%s}%s, want an XACML 3.0 Policy", root.Space, root.Local)
	}
	pol := &Policy{ID: p.bind(root.AttrValue("PolicyId"))}
	alg := root.AttrValue("RuleCombiningAlgId")
	if alg == "" {
		return nil, posError(ErrMalformed, root.Line, root.Col, "Policy has no RuleCombiningAlgId")
	}
	var ok bool
	if pol.Combining, ok = combiningAlg(alg); !ok {
		return nil, posError(ErrUnsupported, root.Line, root.Col, "rule-combining algorithm %q", alg)
	}
	for _, k := range root.Kids {
		if !isXACML(k) {
			return nil, posError(ErrUnsupported, k.Line, k.Col, "element {%s}%s", k.Space, k.Local)
		}
		var err error
		switch k.Local {
		case "Description", "PolicyDefaults", "AdviceExpressions":
			// Advice is optional for the enforcement point to act on.
		case "Target":
			pol.Target, err = p.target(k)
		case "Rule":
			var r Rule
			if r, err = p.rule(k); err == nil {
				pol.Rules = append(pol.Rules, r)
			}
		case "ObligationExpressions":
			var obs []Obligation
			if obs, err = p.obligations(k); err == nil {
				pol.Obligations = append(pol.Obligations, obs...)
			}
		default:
			err = posError(ErrUnsupported, k.Line, k.Col, "element %s in Policy", k.Local)
		}
		if err != nil {
			return nil, err
		}
	}
	pol.Unbound = p.unbound
	return pol, nil
}

func (p *parser) rule(n *node) (Rule, error) {
	r := Rule{ID: p.bind(n.AttrValue("RuleId")), Line: n.Line}
	if r.ID == "" {
		return r, posError(ErrMalformed, n.Line, n.Col, "Rule without a RuleId")
	}
	switch n.AttrValue("Effect") {
	case "Permit":
		r.Effect = Permit
	case "Deny":
		r.Effect = Deny
	default:
		return r, posError(ErrMalformed, n.Line, n.Col, "rule %s has Effect %q, want Permit or Deny", r.ID, n.AttrValue("Effect"))
	}
	for _, k := range n.Kids {
		var err error
		switch k.Local {
		case "Description":
			r.Description = strings.TrimSpace(k.Text)
		case "AdviceExpressions":
		case "Target":
			r.Target, err = p.target(k)
		case "ObligationExpressions":
			r.Obligations, err = p.obligations(k)
		default:
			err = posError(ErrUnsupported, k.Line, k.Col, "element %s in rule %s", k.Local, r.ID)
		}
		if err != nil {
			return r, err
		}
	}
	return r, nil
}

// bind substitutes the [ORG] and [APP] placeholders Options give values for,
// and notes any that remain.
func (p *parser) bind(s string) string {
	s = replaceFold(s, "[ORG]", p.opts.Org)
	s = replaceFold(s, "[APP]", p.opts.App)
	if indexFold(s, "[ORG]") >= 0 || indexFold(s, "[APP]") >= 0 {
		p.unbound = true
	}
	return s
}

// replaceFold replaces every ASCII-case-insensitive occurrence of the
// placeholder old with repl; an empty repl leaves s alone.
func replaceFold(s, old, repl string) string {
	if repl == "" {
		return s
	}
	var b strings.Builder
	for {
		i := indexFold(s, old)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(repl)
		s = s[i+len(old):]
	}
}

// indexFold is strings.Index ignoring ASCII case; upper is upper case ASCII.
func indexFold(s, upper string) int {
	for i := 0; i+len(upper) <= len(s); i++ {
		j := 0
		for ; j < len(upper); j++ {
			c := s[i+j]
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			if c != upper[j] {
				break
			}
		}
		if j == len(upper) {
			return i
		}
	}
	return -1
}
