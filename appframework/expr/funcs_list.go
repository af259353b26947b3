// SPDX-License-Identifier: MIT

package expr

import (
	"math/big"

	"github.com/blankett/blankett/appframework/expr/jmespath"
)

func (c *call) listFunc() (Value, error) {
	switch c.n.fn {
	case FuncList:
		items := make([]Value, len(c.args))
		copy(items, c.args)
		return List(items), nil
	case FuncObject:
		o := &Object{}
		for i := 0; i < len(c.args); i += 2 {
			k := c.args[i]
			if k.kind != KindString {
				return Value{}, c.at(i, errorf("", ErrType, "Object keys must be strings"))
			}
			if !o.Set(k.str, c.args[i+1]) {
				return Value{}, c.at(i, errorf("", ErrInvalidArgument, "Object keys must be unique"))
			}
		}
		return ObjectValue(o), nil
	case FuncJmespath:
		return c.jmespath()
	}
	items, err := c.list(0)
	if err != nil {
		return Value{}, err
	}
	if c.n.fn == FuncCount {
		return Number(float64(len(items))), nil
	}
	if c.n.fn == FuncAverage && len(items) == 0 {
		f, ok, err := c.num(1)
		if err != nil || !ok {
			return Value{}, err
		}
		return Number(f), nil
	}
	if c.n.fn == FuncAverage {
		// The empty value must be a number even when it is not used.
		if _, _, err := c.num(1); err != nil {
			return Value{}, err
		}
	}
	sum := new(big.Rat)
	for _, it := range items {
		f, ok, err := toNumber(it)
		if err != nil {
			return Value{}, c.at(0, err)
		}
		if ok {
			sum.Add(sum, decimal(f))
		}
	}
	if c.n.fn == FuncAverage {
		sum.Quo(sum, new(big.Rat).SetInt64(int64(len(items))))
	}
	return c.finite(ratFloat(sum))
}

func (c *call) list(i int) ([]Value, error) {
	v := c.args[i]
	if v.kind != KindList {
		return nil, c.at(i, errorf("", ErrType, "Expected argument to be list, got %s", v.kind))
	}
	return v.AsList(), nil
}

// jmespath runs a JMESPath query on any value.
func (c *call) jmespath() (Value, error) {
	q, _ := c.n.args[1].aux.(*jmespath.Query)
	if q == nil {
		qv := c.args[1]
		if qv.kind != KindString {
			return Value{}, c.at(1, errorf("", ErrType, "Expected argument to be string, got %s", qv.kind))
		}
		var err error
		if q, err = jmespath.Compile(qv.str); err != nil {
			return Value{}, c.at(1, errorf("", ErrInvalidArgument, "Jmespath error: %v", err))
		}
	}
	// Search caps what the query builds at jmespath.MaxItems values and
	// jmespath.MaxStringLen bytes, the same limits as MaxListLen and
	// MaxStringLen, and reports an excess as "result too large".
	out, err := q.Search(c.args[0].Any())
	if err != nil {
		return Value{}, c.fail(ErrInvalidArgument, "Jmespath error: %v", err)
	}
	return FromAny(out), nil
}

func compileQuery(s string) (any, error) { return jmespath.Compile(s) }
