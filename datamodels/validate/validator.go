// SPDX-License-Identifier: MIT

package validate

import (
	"fmt"
	"regexp"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/datamodels/xmljson"
)

// Options tune a Validator.
type Options struct {
	// Language of Issue.Message: "nb" (default), "nn" or "en".
	Language string
	// LiteralAnchors reads ^ and $ in patterns as the literal characters
	// XML Schema (and libxml2) says they are. By default a pattern's ^ and $
	// are anchors, as .NET reads them: Altinn validates with .NET, and
	// real schemas such as "^\d{4}$" were written for it.
	LiteralAnchors bool
	// SkipUnsupportedPatterns compiles a schema whose patterns cannot be
	// translated (lookahead, backreferences) without enforcing those
	// patterns; Warnings lists them. By default such a schema fails with
	// ErrPattern.
	SkipUnsupportedPatterns bool
	// Limits bound instance reading.
	Limits xmljson.Limits
}

// Validator validates instances of one data model. It is compiled once and
// safe for concurrent use.
type Validator struct {
	model  *xmljson.Model
	schema *jsonschema.Schema
	opts   Options

	// xml is the schema ValidateXML uses: schema less the property
	// schemas the reader already guarantees (see xmlDrops), compiled on
	// first use.
	doc     *jsonobj.Object
	drops   map[*jsonobj.Object]bool
	xmlOnce sync.Once
	xml     *jsonschema.Schema

	mu       sync.Mutex
	patterns map[string]jsonschema.Regexp
	patErr   error
	warnings []string
}

// CompileJSON compiles a JSON Schema document given as bytes.
func CompileJSON(data []byte, opts Options) (*Validator, error) {
	v, err := jsonobj.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSchema, err)
	}
	doc, ok := v.(*jsonobj.Object)
	if !ok {
		return nil, fmt.Errorf("%w: the document is not a JSON object", ErrSchema)
	}
	return Compile(doc, opts)
}

// Compile builds the validator of a schema document in Altinn's dialect.
func Compile(doc *jsonobj.Object, opts Options) (*Validator, error) {
	model, err := xmljson.Compile(doc)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrSchema, err)
	}
	v := &Validator{model: model, opts: opts, patterns: map[string]jsonschema.Regexp{}, doc: doc}
	sch, err := v.compile(nil)
	if err != nil {
		return nil, err
	}
	v.schema = sch
	v.drops = xmlDrops(doc, model)
	return v, nil
}

// compile prepares doc, leaving out the property schemas in drop, and
// compiles it.
func (v *Validator) compile(drop map[*jsonobj.Object]bool) (*jsonschema.Schema, error) {
	prepared, err := prepare(v.doc, drop)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.AssertVocabs()
	c.RegisterVocabulary(xsdVocabulary())
	for _, f := range formats() {
		c.RegisterFormat(f)
	}
	c.UseRegexpEngine(v.regexp)
	const url = "mem://blankett/schema.json"
	if err := c.AddResource(url, prepared); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSchema, err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		v.mu.Lock()
		perr := v.patErr
		v.mu.Unlock()
		if perr != nil {
			return nil, perr
		}
		return nil, fmt.Errorf("%w: %v", ErrSchema, err)
	}
	return sch, nil
}

// xmlSchema is the schema for values read from XML: without the property
// schemas the reader guarantees, or the full one when there are none or
// the smaller one does not compile.
func (v *Validator) xmlSchema() *jsonschema.Schema {
	v.xmlOnce.Do(func() {
		v.xml = v.schema
		if v.drops == nil {
			return
		}
		if sch, err := v.compile(v.drops); err == nil {
			v.xml = sch
		}
		v.doc, v.drops = nil, nil
	})
	return v.xml
}

// Model returns the conversion model the validator reads XML with.
func (v *Validator) Model() *xmljson.Model { return v.model }

// Warnings lists patterns that are not enforced (SkipUnsupportedPatterns).
func (v *Validator) Warnings() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return append([]string(nil), v.warnings...)
}

// xsdRegexp keeps the XSD source of a translated pattern for messages.
type xsdRegexp struct {
	re  *regexp.Regexp
	src string
}

func (r xsdRegexp) MatchString(s string) bool { return r.re.MatchString(s) }
func (r xsdRegexp) String() string            { return r.src }

type matchAll string

func (matchAll) MatchString(string) bool { return true }
func (r matchAll) String() string        { return string(r) }

// regexp is the compiler's regexp engine: XSD patterns, translated once.
func (v *Validator) regexp(src string) (jsonschema.Regexp, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if re, ok := v.patterns[src]; ok {
		return re, nil
	}
	re, err := compilePattern(src, v.opts.LiteralAnchors)
	var out jsonschema.Regexp
	switch {
	case err == nil:
		out = xsdRegexp{re: re, src: src}
	case v.opts.SkipUnsupportedPatterns:
		v.warnings = append(v.warnings, fmt.Sprintf("pattern not enforced: %v", err))
		out = matchAll(src)
	default:
		if v.patErr == nil {
			v.patErr = err
		}
		return nil, err
	}
	v.patterns[src] = out
	return out, nil
}

func formats() []*jsonschema.Format {
	date := func(k dateKind) func(any) error {
		return func(x any) error {
			s, ok := x.(string)
			if !ok {
				return nil
			}
			_, err := parseDate(s, k)
			return err
		}
	}
	return []*jsonschema.Format{
		{Name: "date", Validate: date(kDate)},
		{Name: "date-time", Validate: date(kDateTime)},
		{Name: "time", Validate: date(kTime)},
		{Name: "year", Validate: date(kGYear)},
		{Name: "year-month", Validate: date(kGYearMonth)},
		{Name: "duration", Validate: func(x any) error {
			if s, ok := x.(string); ok {
				return checkDuration(s)
			}
			return nil
		}},
		{Name: "uri", Validate: checkURI},
	}
}
