// SPDX-License-Identifier: MIT

package expr

// andOr converts every argument before deciding, so that a bad value anywhere
// is an error even when an earlier one already settles the answer.
func (c *call) andOr(and bool) (Value, error) {
	result := and
	for i := range c.args {
		b, err := c.bool(i)
		if err != nil {
			return Value{}, err
		}
		if and {
			result = result && b
		} else {
			result = result || b
		}
	}
	return Bool(result), nil
}

// ifElse is ["if", cond, then] (null when cond is false) or
// ["if", cond, then, "else", otherwise]; the parser has checked the shape.
func (c *call) ifElse() (Value, error) {
	b, err := c.bool(0)
	if err != nil {
		return Value{}, err
	}
	if b {
		return c.args[1], nil
	}
	if len(c.args) == 4 {
		return c.args[3], nil
	}
	return Value{}, nil
}

// equals compares as strings after coercion: null equals null and the string
// "null"; true equals "TRUE"; 1234 equals "1234".
func (c *call) equals(i, j int) bool {
	a, aok := c.text(i)
	b, bok := c.text(j)
	if !aok || !bok {
		return aok == bok
	}
	return a == b
}

// numCompare is greaterThan and friends: null on either side is false.
func (c *call) numCompare(fn Func) (Value, error) {
	r, err := c.numCompareAt(fn, 0, 1)
	return Bool(r), err
}

func numOp(fn Func, a, b float64) bool {
	switch fn {
	case FuncGreaterThan:
		return a > b
	case FuncGreaterThanEq:
		return a >= b
	case FuncLessThan:
		return a < b
	}
	return a <= b
}

func isCompareOp(op string) bool {
	switch op {
	case "equals", "greaterThan", "greaterThanEq", "lessThan", "lessThanEq",
		"isBefore", "isBeforeEq", "isAfter", "isAfterEq", "isSameDay":
		return true
	}
	return false
}

// compare is ["compare", a, op, b] or ["compare", a, "not", op, b]. Apart from
// equals, any null operand makes the comparison false, and so its negation true.
func (c *call) compare() (Value, error) {
	neg := len(c.args) == 4
	ai, bi := 0, len(c.args)-1
	op := c.args[len(c.args)-2].str
	var r bool
	var err error
	switch {
	case op == "equals":
		r = c.equals(ai, bi)
	case c.args[ai].kind == KindNull || c.args[bi].kind == KindNull:
		r = false
	case op == "greaterThan" || op == "greaterThanEq" || op == "lessThan" || op == "lessThanEq":
		r, err = c.numCompareAt(compareFunc(op), ai, bi)
	default:
		r, err = c.dateCompare(op, ai, bi)
	}
	if err != nil {
		return Value{}, err
	}
	return Bool(r != neg), nil
}

func compareFunc(op string) Func {
	switch op {
	case "greaterThan":
		return FuncGreaterThan
	case "greaterThanEq":
		return FuncGreaterThanEq
	case "lessThan":
		return FuncLessThan
	}
	return FuncLessThanEq
}

// numCompareAt compares arguments ai and bi as numbers; null is false.
func (c *call) numCompareAt(fn Func, ai, bi int) (bool, error) {
	a, aok, err := c.num(ai)
	if err != nil {
		return false, err
	}
	b, bok, err := c.num(bi)
	if err != nil || !aok || !bok {
		return false, err
	}
	return numOp(fn, a, b), nil
}

// dateCompare compares two dates. Either side being empty makes it false.
// Timestamps with and without an offset cannot be compared, and isSameDay
// needs the same offset on both sides, because the day depends on it.
func (c *call) dateCompare(op string, ai, bi int) (bool, error) {
	a, err := dateArg(c.args[ai], c.n.args[ai].aux)
	if err != nil {
		return false, c.at(ai, err)
	}
	b, err := dateArg(c.args[bi], c.n.args[bi].aux)
	if err != nil {
		return false, c.at(bi, err)
	}
	if a == nil || b == nil {
		return false, nil
	}
	if a.zone != b.zone {
		if op == "isSameDay" {
			return false, c.fail(ErrInvalidArgument, "Can not compare timestamps where only one specify timezone")
		}
		return false, c.fail(ErrInvalidArgument, "Can not compare timestamps with timezone info against timestamps without timezone info")
	}
	switch op {
	case "isBefore":
		return a.t.Before(b.t), nil
	case "isBeforeEq":
		return !a.t.After(b.t), nil
	case "isAfter":
		return a.t.After(b.t), nil
	case "isAfterEq":
		return !a.t.Before(b.t), nil
	}
	_, ao := a.t.Zone()
	_, bo := b.t.Zone()
	if ao != bo {
		return false, c.fail(ErrInvalidArgument, "Can not figure out if timestamps in different timezones are in the same day")
	}
	ay, am, ad := a.t.Date()
	by, bm, bd := b.t.Date()
	return ay == by && am == bm && ad == bd, nil
}
