// SPDX-License-Identifier: MIT

package validate

import (
	"errors"
	"math/big"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// issues turns a jsonschema error tree into issues: the leaves, one issue
// per missing property, and for a choice that no branch satisfies either
// the errors of the branch the instance evidently took or one "choiceRequired"
// issue naming the options.
func (v *Validator) issues(err error, out []Issue) []Issue {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return append(out, v.issue("", "invalid", map[string]any{"detail": err.Error()}))
	}
	return v.walk(ve, out)
}

func (v *Validator) walk(e *jsonschema.ValidationError, out []Issue) []Issue {
	ptr := pointerOf(e.InstanceLocation)
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		for _, name := range k.Missing {
			out = append(out, v.issue(ptr+"/"+escapeTok(name), "required", map[string]any{"property": name}))
		}
		return out
	case *kind.AnyOf:
		return v.choice(e, ptr, out)
	}
	if len(e.Causes) > 0 {
		for _, c := range e.Causes {
			out = v.walk(c, out)
		}
		return out
	}
	code, params := leaf(e.ErrorKind)
	return append(out, v.issue(ptr, code, params))
}

// choice reports a failed anyOf (an xs:choice).
func (v *Validator) choice(e *jsonschema.ValidationError, ptr string, out []Issue) []Issue {
	var options []string
	for _, branch := range e.Causes {
		sub := v.walk(branch, nil)
		onlyRequired := true
		for _, is := range sub {
			if is.Code != "required" {
				onlyRequired = false
			} else if name, ok := is.Params["property"].(string); ok {
				options = append(options, name)
			}
		}
		if !onlyRequired {
			return append(out, sub...)
		}
	}
	return append(out, v.issue(ptr, "choiceRequired", map[string]any{"options": options}))
}

func escapeTok(s string) string { return strings.NewReplacer("~", "~0", "/", "~1").Replace(s) }

// leaf maps a jsonschema error kind to a code and parameters.
func leaf(k jsonschema.ErrorKind) (string, map[string]any) {
	switch k := k.(type) {
	case *kind.Type:
		return "type", map[string]any{"want": strings.Join(k.Want, " | "), "got": k.Got}
	case *kind.MinLength:
		return "minLength", map[string]any{"limit": k.Want, "actual": k.Got}
	case *kind.MaxLength:
		return "maxLength", map[string]any{"limit": k.Want, "actual": k.Got}
	case *kind.Pattern:
		return "pattern", map[string]any{"pattern": k.Want}
	case *kind.Minimum:
		return "minimum", map[string]any{"limit": ratText(k.Want)}
	case *kind.Maximum:
		return "maximum", map[string]any{"limit": ratText(k.Want)}
	case *kind.ExclusiveMinimum:
		return "exclusiveMinimum", map[string]any{"limit": ratText(k.Want)}
	case *kind.ExclusiveMaximum:
		return "exclusiveMaximum", map[string]any{"limit": ratText(k.Want)}
	case *kind.MultipleOf:
		p := map[string]any{"multipleOf": ratText(k.Want)}
		if f, ok := fractionDigits(k.Want); ok {
			p["fractionDigits"] = f
		}
		return "multipleOf", p
	case *kind.MinItems:
		return "minItems", map[string]any{"limit": k.Want, "actual": k.Got}
	case *kind.MaxItems:
		return "maxItems", map[string]any{"limit": k.Want, "actual": k.Got}
	case *kind.Format:
		return "format", map[string]any{"format": k.Want}
	case *kind.Enum:
		return "enum", map[string]any{"allowed": k.Want}
	case *kind.Const:
		return "const", map[string]any{"value": k.Want}
	case *errBuiltin:
		return "xsdType", map[string]any{"type": k.Type}
	case *errTotalDigits:
		return "totalDigits", map[string]any{"limit": k.Want, "actual": k.Got}
	case *errEnum:
		return "enum", map[string]any{"allowed": k.Want}
	case *errConst:
		return "const", map[string]any{"value": k.Want}
	case *errDateBound:
		code := map[string]string{"formatMinimum": "minimum", "formatMaximum": "maximum",
			"formatExclusiveMinimum": "exclusiveMinimum", "formatExclusiveMaximum": "exclusiveMaximum"}[k.Keyword]
		return code, map[string]any{"limit": k.Want}
	}
	return "invalid", map[string]any{"keyword": strings.Join(k.KeywordPath(), "/")}
}

// ratText spells an exact decimal as such, other fractions as a/b.
func ratText(r *big.Rat) string {
	if r == nil {
		return ""
	}
	if prec, exact := r.FloatPrec(); exact {
		return r.FloatString(prec)
	}
	return r.RatString()
}

// fractionDigits recognises multipleOf 10^-n (how fractionDigits is
// written) and returns n.
func fractionDigits(r *big.Rat) (int, bool) {
	if r == nil || r.Sign() <= 0 || r.Num().Cmp(big.NewInt(1)) != 0 {
		return 0, false
	}
	d := r.Denom().String()
	if strings.Trim(d[1:], "0") != "" || d[0] != '1' {
		return 0, false
	}
	return len(d) - 1, true
}
