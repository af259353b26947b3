// SPDX-License-Identifier: MIT

package jmespath

import "strconv"

type nodeKind uint8

const (
	nField nodeKind = iota
	nSubexpr
	nIndex
	nSlice
	nProjection      // list projection: a[*].b, a[].b, a[1:2].b
	nValueProjection // object projection: a.*.b
	nFilter
	nFlatten
	nIdentity
	nLiteral
	nMultiList
	nMultiHash
	nOr
	nAnd
	nNot
	nCompare
	nPipe
	nFunction
	nExpref
)

type node struct {
	kind     nodeKind
	name     string // field name, function name, comparator
	value    any    // literal value
	index    int
	slice    [3]*int
	children []*node
	keys     []string // multi-select hash keys, parallel to children
}

// maxNesting bounds parser recursion so hostile queries cannot exhaust the stack.
const maxNesting = 200

type parser struct {
	toks  []token
	i     int
	depth int
}

func bindingPower(k tokKind) int {
	switch k {
	case tPipe:
		return 1
	case tOr:
		return 2
	case tAnd:
		return 3
	case tEQ, tNE, tLT, tLTE, tGT, tGTE:
		return 5
	case tFlatten:
		return 9
	case tStar:
		return 20
	case tFilter:
		return 21
	case tDot:
		return 40
	case tNot:
		return 45
	case tLbrace:
		return 50
	case tLbracket:
		return 55
	case tLparen:
		return 60
	}
	return 0
}

func (p *parser) cur() token       { return p.toks[p.i] }
func (p *parser) peek(n int) token { return p.toks[min(p.i+n, len(p.toks)-1)] }
func (p *parser) advance() token {
	t := p.toks[p.i]
	if p.i < len(p.toks)-1 {
		p.i++
	}
	return t
}

func (p *parser) match(k tokKind, what string) error {
	if p.cur().kind != k {
		return syntaxErr(p.cur().pos, "expected %s", what)
	}
	p.advance()
	return nil
}

func (p *parser) expression(bp int) (*node, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxNesting {
		return nil, syntaxErr(p.cur().pos, "query nested too deeply")
	}
	left, err := p.nud(p.advance())
	if err != nil {
		return nil, err
	}
	for bp < bindingPower(p.cur().kind) {
		if left, err = p.led(p.advance(), left); err != nil {
			return nil, err
		}
	}
	return left, nil
}

func (p *parser) nud(t token) (*node, error) {
	switch t.kind {
	case tRawString:
		return &node{kind: nLiteral, value: t.text}, nil
	case tLiteral:
		return &node{kind: nLiteral, value: t.lit}, nil
	case tIdent:
		return &node{kind: nField, name: t.text}, nil
	case tQuotedIdent:
		if p.cur().kind == tLparen {
			return nil, syntaxErr(t.pos, "a quoted identifier cannot name a function")
		}
		return &node{kind: nField, name: t.text}, nil
	case tStar:
		right, err := p.projectionRHS(bindingPower(tStar))
		if err != nil {
			return nil, err
		}
		return &node{kind: nValueProjection, children: []*node{{kind: nIdentity}, right}}, nil
	case tFilter:
		return p.filter(&node{kind: nIdentity})
	case tLbrace:
		return p.multiHash()
	case tFlatten:
		right, err := p.projectionRHS(bindingPower(tFlatten))
		if err != nil {
			return nil, err
		}
		flat := &node{kind: nFlatten, children: []*node{{kind: nIdentity}}}
		return &node{kind: nProjection, children: []*node{flat, right}}, nil
	case tLbracket:
		switch {
		case p.cur().kind == tNumber || p.cur().kind == tColon:
			idx, err := p.indexOrSlice()
			if err != nil {
				return nil, err
			}
			return p.projectIfSlice(&node{kind: nIdentity}, idx)
		case p.cur().kind == tStar && p.peek(1).kind == tRbracket:
			p.advance()
			p.advance()
			right, err := p.projectionRHS(bindingPower(tStar))
			if err != nil {
				return nil, err
			}
			return &node{kind: nProjection, children: []*node{{kind: nIdentity}, right}}, nil
		}
		return p.multiList()
	case tCurrent:
		return &node{kind: nIdentity}, nil
	case tExpref:
		e, err := p.expression(bindingPower(tExpref))
		if err != nil {
			return nil, err
		}
		return &node{kind: nExpref, children: []*node{e}}, nil
	case tNot:
		e, err := p.expression(bindingPower(tNot))
		if err != nil {
			return nil, err
		}
		return &node{kind: nNot, children: []*node{e}}, nil
	case tLparen:
		e, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		return e, p.match(tRparen, ")")
	}
	return nil, syntaxErr(t.pos, "unexpected token")
}

func (p *parser) led(t token, left *node) (*node, error) {
	switch t.kind {
	case tDot:
		if p.cur().kind != tStar {
			right, err := p.dotRHS(bindingPower(tDot))
			if err != nil {
				return nil, err
			}
			return &node{kind: nSubexpr, children: []*node{left, right}}, nil
		}
		p.advance()
		right, err := p.projectionRHS(bindingPower(tDot))
		if err != nil {
			return nil, err
		}
		return &node{kind: nValueProjection, children: []*node{left, right}}, nil
	case tPipe, tOr, tAnd:
		right, err := p.expression(bindingPower(t.kind))
		if err != nil {
			return nil, err
		}
		k := map[tokKind]nodeKind{tPipe: nPipe, tOr: nOr, tAnd: nAnd}[t.kind]
		return &node{kind: k, children: []*node{left, right}}, nil
	case tLparen:
		if left.kind != nField {
			return nil, syntaxErr(t.pos, "only a name can be called as a function")
		}
		fn := &node{kind: nFunction, name: left.name}
		for p.cur().kind != tRparen {
			arg, err := p.expression(0)
			if err != nil {
				return nil, err
			}
			fn.children = append(fn.children, arg)
			if p.cur().kind == tComma {
				p.advance()
				if p.cur().kind == tRparen {
					return nil, syntaxErr(p.cur().pos, "expected an argument after ,")
				}
			} else if p.cur().kind != tRparen {
				return nil, syntaxErr(p.cur().pos, "expected , or )")
			}
		}
		p.advance()
		return fn, nil
	case tFilter:
		return p.filter(left)
	case tFlatten:
		right, err := p.projectionRHS(bindingPower(tFlatten))
		if err != nil {
			return nil, err
		}
		flat := &node{kind: nFlatten, children: []*node{left}}
		return &node{kind: nProjection, children: []*node{flat, right}}, nil
	case tEQ, tNE, tLT, tLTE, tGT, tGTE:
		right, err := p.expression(bindingPower(t.kind))
		if err != nil {
			return nil, err
		}
		ops := map[tokKind]string{tEQ: "==", tNE: "!=", tLT: "<", tLTE: "<=", tGT: ">", tGTE: ">="}
		return &node{kind: nCompare, name: ops[t.kind], children: []*node{left, right}}, nil
	case tLbracket:
		if p.cur().kind == tNumber || p.cur().kind == tColon {
			idx, err := p.indexOrSlice()
			if err != nil {
				return nil, err
			}
			return p.projectIfSlice(left, idx)
		}
		if err := p.match(tStar, "*"); err != nil {
			return nil, err
		}
		if err := p.match(tRbracket, "]"); err != nil {
			return nil, err
		}
		right, err := p.projectionRHS(bindingPower(tStar))
		if err != nil {
			return nil, err
		}
		return &node{kind: nProjection, children: []*node{left, right}}, nil
	}
	return nil, syntaxErr(t.pos, "unexpected token")
}

// projectIfSlice applies an index to left, or a slice followed by a projection.
func (p *parser) projectIfSlice(left, idx *node) (*node, error) {
	if idx.kind == nIndex {
		return &node{kind: nSubexpr, children: []*node{left, idx}}, nil
	}
	right, err := p.projectionRHS(bindingPower(tStar))
	if err != nil {
		return nil, err
	}
	sliced := &node{kind: nSubexpr, children: []*node{left, idx}}
	return &node{kind: nProjection, children: []*node{sliced, right}}, nil
}

// indexOrSlice reads [n] or [start:stop:step] after the opening bracket.
func (p *parser) indexOrSlice() (*node, error) {
	var parts [3]*int
	n, colons := 0, 0
	for p.cur().kind != tRbracket {
		switch p.cur().kind {
		case tColon:
			colons++
			if colons > 2 {
				return nil, syntaxErr(p.cur().pos, "too many colons in slice")
			}
			n++
			p.advance()
		case tNumber:
			v, err := strconv.Atoi(p.cur().text)
			if err != nil {
				return nil, syntaxErr(p.cur().pos, "bad number")
			}
			if parts[n] != nil {
				return nil, syntaxErr(p.cur().pos, "expected : or ]")
			}
			parts[n] = &v
			p.advance()
		default:
			return nil, syntaxErr(p.cur().pos, "expected a number, : or ]")
		}
	}
	p.advance()
	if colons == 0 {
		if parts[0] == nil {
			return nil, syntaxErr(p.cur().pos, "empty index")
		}
		return &node{kind: nIndex, index: *parts[0]}, nil
	}
	if parts[2] != nil && *parts[2] == 0 {
		return nil, syntaxErr(p.cur().pos, "slice step cannot be 0")
	}
	return &node{kind: nSlice, slice: parts}, nil
}

func (p *parser) projectionRHS(bp int) (*node, error) {
	switch k := p.cur().kind; {
	case bindingPower(k) < 10:
		return &node{kind: nIdentity}, nil
	case k == tLbracket || k == tFilter:
		return p.expression(bp)
	case k == tDot:
		p.advance()
		return p.dotRHS(bp)
	}
	return nil, syntaxErr(p.cur().pos, "unexpected token after projection")
}

func (p *parser) dotRHS(bp int) (*node, error) {
	switch p.cur().kind {
	case tIdent, tQuotedIdent, tStar:
		return p.expression(bp)
	case tLbracket:
		p.advance()
		return p.multiList()
	case tLbrace:
		p.advance()
		return p.multiHash()
	}
	return nil, syntaxErr(p.cur().pos, "expected a name, [ or { after .")
}

func (p *parser) filter(left *node) (*node, error) {
	cond, err := p.expression(0)
	if err != nil {
		return nil, err
	}
	if err := p.match(tRbracket, "]"); err != nil {
		return nil, err
	}
	right := &node{kind: nIdentity}
	if p.cur().kind != tFlatten {
		if right, err = p.projectionRHS(bindingPower(tFilter)); err != nil {
			return nil, err
		}
	}
	return &node{kind: nFilter, children: []*node{left, right, cond}}, nil
}

func (p *parser) multiList() (*node, error) {
	n := &node{kind: nMultiList}
	for {
		e, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		n.children = append(n.children, e)
		if p.cur().kind == tRbracket {
			p.advance()
			return n, nil
		}
		if err := p.match(tComma, ", or ]"); err != nil {
			return nil, err
		}
	}
}

func (p *parser) multiHash() (*node, error) {
	n := &node{kind: nMultiHash}
	for {
		k := p.advance()
		if k.kind != tIdent && k.kind != tQuotedIdent {
			return nil, syntaxErr(k.pos, "expected a key name")
		}
		if err := p.match(tColon, ":"); err != nil {
			return nil, err
		}
		e, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		n.keys = append(n.keys, k.text)
		n.children = append(n.children, e)
		if p.cur().kind == tRbrace {
			p.advance()
			return n, nil
		}
		if err := p.match(tComma, ", or }"); err != nil {
			return nil, err
		}
	}
}
