// SPDX-License-Identifier: MIT

package expr

import (
	"math"
	"math/big"
)

// arithmetic works in exact decimals, as Altinn's backend does with .NET
// decimal, so that ["plus", 0.1, 0.2] is 0.3. Null counts as 0; dividing by 0
// (or null) is an error.
func (c *call) arithmetic() (Value, error) {
	if c.n.fn == FuncRound {
		return c.round()
	}
	var acc *big.Rat
	for i := range c.args {
		f, ok, err := c.num(i)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			f = 0
		}
		if i == 0 {
			acc = decimal(f)
			continue
		}
		d := decimal(f)
		switch c.n.fn {
		case FuncPlus:
			acc.Add(acc, d)
		case FuncMinus:
			acc.Sub(acc, d)
		case FuncMultiply:
			acc.Mul(acc, d)
		case FuncDivide:
			if d.Sign() == 0 {
				return Value{}, c.fail(ErrInvalidArgument, "The second argument is 0, cannot divide by 0")
			}
			acc.Quo(acc, d)
		}
	}
	return c.finite(ratFloat(acc))
}

// finite returns f as a value, or an error when the result left float64's
// range: a number nobody can use is better reported than shown as Infinity.
func (c *call) finite(f float64) (Value, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return Value{}, c.fail(ErrInvalidArgument, "The result of %s is too large", c.n.fn)
	}
	return Number(f), nil
}

// round returns its result as a string with exactly the requested number of
// decimals, so that 2 rounded to 2 places is "2.00".
func (c *call) round() (Value, error) {
	f, _, err := c.num(0)
	if err != nil {
		return Value{}, err
	}
	places := 0.0
	if len(c.args) == 2 {
		if places, _, err = c.num(1); err != nil {
			return Value{}, err
		}
	}
	if places < 0 || places > 100 {
		return Value{}, c.fail(ErrInvalidArgument, "Number of decimals must be between 0 and 100, got %s", formatNumber(places))
	}
	return String(roundFixed(f, int(places))), nil
}
