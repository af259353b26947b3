// SPDX-License-Identifier: MIT

package process

import (
	"errors"
	"io"

	"github.com/blankett/blankett/appframework/internal/xmltree"
)

// Limits on input, so a hostile file cannot exhaust memory or the stack.
const (
	maxInput = 8 << 20
	maxDepth = 128
)

// node is one XML element; elements are looked up by local name whatever their prefix.
type node = xmltree.Node

// readTree parses a whole XML document into a tree (see xmltree.Parse: BOM stripped,
// size and depth bounded, DTDs refused), with failures as ErrMalformed at a position.
func readTree(r io.Reader) (*node, error) {
	n, err := xmltree.Parse(r, xmltree.Limits{MaxBytes: maxInput, MaxDepth: maxDepth})
	var e *xmltree.Error
	if errors.As(err, &e) {
		return nil, posError(ErrMalformed, e.Line, e.Col, "%s", e.Msg)
	}
	return n, err
}
