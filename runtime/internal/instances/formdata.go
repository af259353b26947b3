// SPDX-License-Identifier: MIT

package instances

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"sync"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/datamodels/validate"
	"github.com/blankett/blankett/datamodels/xmljson"
)

// Content types of form data.
const (
	ContentTypeXML  = "application/xml"
	ContentTypeJSON = "application/json"
)

// form is a data model compiled for reading and writing instances.
type form struct {
	xml *xmljson.Model
	val *validate.Validator
}

// modelCache compiles each loaded model once; releases are immutable, so the
// *app.Model pointer is a safe key.
// It also holds the Service's decoded form data (decoded), which lives as long.
type modelCache struct {
	mu      sync.Mutex
	m       map[*app.Model]*form
	decoded *formCache
}

func newModelCache() *modelCache {
	return &modelCache{m: map[*app.Model]*form{}, decoded: newFormCache(formCacheBytes)}
}

func (c *modelCache) get(m *app.Model) (*form, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.m[m]; ok {
		return f, nil
	}
	if m == nil || m.Schema == nil {
		return nil, fmt.Errorf("instances: data model has no schema")
	}
	x, err := xmljson.Compile(m.Schema)
	if err != nil {
		return nil, fmt.Errorf("instances: model %s: %w", m.Name, err)
	}
	v, err := validate.Compile(m.Schema, validate.Options{SkipUnsupportedPatterns: true})
	if err != nil {
		return nil, fmt.Errorf("instances: model %s: %w", m.Name, err)
	}
	f := &form{xml: x, val: v}
	c.m[m] = f
	return f, nil
}

// isForm reports whether dt holds form data (it has appLogic with a model).
func isForm(dt *app.DataType) bool { return dt.AppLogic != nil && dt.AppLogic.ClassRef != "" }

// storedType is the content type form data of dt is stored in: XML unless the type
// lists JSON before XML, as Altinn decides.
func storedType(dt *app.DataType) string {
	for _, ct := range dt.AllowedContentTypes {
		switch ct {
		case ContentTypeJSON:
			return ContentTypeJSON
		case ContentTypeXML, "text/xml":
			return ContentTypeXML
		}
	}
	return ContentTypeXML
}

// bodyKind classifies a request's content type for form data: XML for XML or none,
// JSON for JSON, anything else ErrUnsupportedMediaType.
func bodyKind(contentType string) (string, error) {
	if contentType == "" {
		return ContentTypeXML, nil
	}
	mt, _, err := mime.ParseMediaType(contentType)
	switch {
	case err != nil:
	case mt == ContentTypeXML || mt == "text/xml" || (len(mt) > 4 && mt[len(mt)-4:] == "+xml"):
		return ContentTypeXML, nil
	case mt == ContentTypeJSON || (len(mt) > 5 && mt[len(mt)-5:] == "+json"):
		return ContentTypeJSON, nil
	}
	return "", &Error{Kind: ErrUnsupportedMediaType, Code: CodeUnsupportedType, Title: "Unsupported content type",
		Detail: fmt.Sprintf("form data must be application/xml or application/json, not %q", contentType)}
}

// decode reads form data in kind (XML or JSON) into its JSON value. Data that
// cannot be read is ErrInvalid with Altinn's title; data that reads but breaks the
// model's rules is accepted, as Altinn accepts it, and found by validation.
func (f *form) decode(kind string, r io.Reader) (any, error) {
	var v any
	var err error
	if kind == ContentTypeJSON {
		v, err = f.val.ReadJSON(r)
	} else {
		v, err = f.val.ReadXML(r)
	}
	if err != nil {
		return nil, deserializeError(kind, err)
	}
	return v, nil
}

func deserializeError(kind string, err error) *Error {
	e := &Error{Kind: ErrInvalid, Code: CodeDeserializeXML, Title: "Failed to deserialize XML", Detail: err.Error()}
	if kind == ContentTypeJSON {
		e.Code, e.Title = CodeDeserializeJSON, "Failed to deserialize JSON"
	}
	return e
}

// encode writes v in the stored content type.
func (f *form) encode(ct string, v any) ([]byte, error) {
	if ct == ContentTypeJSON {
		return json.Marshal(v)
	}
	var buf bytes.Buffer
	if err := f.xml.WriteXML(&buf, v, xmljson.WriteOptions{}); err != nil {
		if errors.Is(err, xmljson.ErrShape) {
			return nil, deserializeError(ContentTypeJSON, err)
		}
		return nil, err
	}
	return buf.Bytes(), nil
}

// empty returns an empty model in the stored content type.
func (f *form) empty(ct string) ([]byte, error) { return f.encode(ct, map[string]any{}) }
