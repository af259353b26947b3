// SPDX-License-Identifier: MIT

package jsonxsd

import (
	"github.com/blankett/blankett/datamodels/jsonobj"
)

// Options tune a conversion. The zero value detects the strategy.
type Options struct {
	// Strategy forces a strategy instead of detecting it.
	Strategy Strategy
}

// Convert reads a JSON Schema document in Altinn's dialect and writes an XSD:
// UTF-8, indented by two spaces, the same bytes for the same input.
func Convert(data []byte, opts Options) ([]byte, error) {
	v, err := jsonobj.Decode(data)
	if err != nil {
		return nil, failAt("#", "", ErrInvalid, "%v", err)
	}
	doc, ok := v.(*obj)
	if !ok {
		return nil, failAt("#", "", ErrInvalid, "the document is not a JSON object")
	}
	return convert(doc, opts)
}

// ConvertObject converts an already decoded schema, such as the result of
// xsdjson.Convert.
func ConvertObject(doc *jsonobj.Object, opts Options) ([]byte, error) {
	if doc == nil {
		return nil, failAt("#", "", ErrInvalid, "no schema")
	}
	norm, err := normalizeValue(doc)
	if err != nil {
		return nil, failAt("#", "", ErrInvalid, "%v", err)
	}
	return convert(norm, opts)
}

func convert(doc *obj, opts Options) ([]byte, error) {
	if err := validate(doc); err != nil {
		return nil, err
	}
	c := &converter{doc: doc, strategy: opts.Strategy}
	if c.strategy == StrategyAuto {
		c.strategy = DetectStrategy(doc)
	}
	if err := c.loadDefs(); err != nil {
		return nil, err
	}
	if err := c.setupNamespaces(); err != nil {
		return nil, err
	}
	if err := c.classify(); err != nil {
		return nil, err
	}
	root, err := c.schema()
	if err != nil {
		return nil, err
	}
	return write(root), nil
}

// converter holds the state of one conversion.
type converter struct {
	doc      *obj
	strategy Strategy
	defs     *obj   // $defs or definitions
	defsKey  string // "$defs" or "definitions"
	kinds    map[string]defKind
	ns       *namespaces
	tns      string
	// explicitGroups is set when the schema carries the occurs of model
	// groups, so they need not be guessed from their elements.
	explicitGroups bool
}
