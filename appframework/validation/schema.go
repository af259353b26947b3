// SPDX-License-Identifier: MIT

package validation

import (
	"context"
	"fmt"
	"sync"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/datamodels/validate"
)

// ModelSchemas is the SchemaValidator over an app's own data models, using
// datamodels/validate: each model's schema is compiled once, on first use. Messages
// are rendered in the requested language from the issue's code and parameters.
type ModelSchemas struct {
	app  *app.App
	mu   sync.Mutex
	vals map[string]*validate.Validator
	errs map[string]error
}

// NewModelSchemas returns the schema validator of a's models.
func NewModelSchemas(a *app.App) *ModelSchemas {
	return &ModelSchemas{app: a, vals: map[string]*validate.Validator{}, errs: map[string]error{}}
}

func (m *ModelSchemas) validator(dataType string) (*validate.Validator, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.vals[dataType]; ok {
		return v, nil
	}
	if err, ok := m.errs[dataType]; ok {
		return nil, err
	}
	model := m.app.Models[dataType]
	if model == nil || model.Schema == nil {
		return nil, nil // no model: nothing to check against
	}
	v, err := validate.Compile(model.Schema, validate.Options{})
	if err != nil {
		err = fmt.Errorf("validation: model %s: %w", dataType, err)
		m.errs[dataType] = err
		return nil, err
	}
	m.vals[dataType] = v
	return v, nil
}

// ValidateData implements SchemaValidator.
func (m *ModelSchemas) ValidateData(_ context.Context, dataType string, data any, lang string) ([]Issue, error) {
	v, err := m.validator(dataType)
	if err != nil || v == nil {
		return nil, err
	}
	found := v.ValidateValue(data)
	out := make([]Issue, 0, len(found))
	for _, is := range found {
		out = append(out, Issue{Severity: Error, Field: is.Path, Code: is.Code,
			Description: validate.Message(orLang(lang), is.Code, is.Params)})
	}
	return out, nil
}
