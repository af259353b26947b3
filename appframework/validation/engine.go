// SPDX-License-Identifier: MIT

package validation

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/expr"
)

// SchemaValidator checks form data against its data model's schema; the runtime
// wires datamodels/validate behind it.
type SchemaValidator interface {
	ValidateData(ctx context.Context, dataType string, data any, lang string) ([]Issue, error)
}

// DataElement is what the data-type rules need to know of a stored element.
type DataElement struct {
	ID, DataType, ContentType, Filename string
	Size                                int64
}

// Input is one task's state to validate.
type Input struct {
	// LayoutSet shows the task; nil for an app without UI (no required checks).
	LayoutSet *app.LayoutSet
	TaskID    string
	// Data holds the decoded form data (map[string]any trees) per data type.
	Data     map[string]any
	Elements []DataElement
	// Language of the messages: nb, nn or en ("" is nb).
	Language string
	Instance *expr.Instance
	// Auth is the user's allowed actions, for authContext in expressions.
	Auth   map[string]bool
	Schema SchemaValidator
	// OnSkip, when set, is told of every expression rule skipped because it could
	// not be evaluated for this data.
	OnSkip func(error)
}

// Validator validates tasks of one loaded app. It is safe for concurrent use.
type Validator struct {
	app *app.App
}

// New returns a Validator for a.
func New(a *app.App) *Validator { return &Validator{app: a} }

// run is one validation: the environment, the expanded tree and what was found.
type run struct {
	*Validator
	in     Input
	env    *expr.Env
	issues []Issue
	// bound maps "dataType|indexed path" to whether a visible component is bound there.
	bound map[string]bool
	// skipped are expression rules that could not be evaluated for this data.
	skipped []error
}

// Validate runs every check for in and returns the issues, sorted by source, field
// and code. An error means the app or data could not be evaluated at all (for example
// a hidden expression that fails), not that the data is invalid. Expression rules
// whose condition cannot be evaluated for this data are skipped; Input.OnSkip hears
// of each, so the caller can log it.
func (v *Validator) Validate(ctx context.Context, in Input) ([]Issue, error) {
	r := v.newRun(in)
	if in.LayoutSet != nil {
		tree, err := in.LayoutSet.NewTree(r.env)
		if err != nil {
			return nil, fmt.Errorf("validation: layout set %s: %w", in.LayoutSet.ID, err)
		}
		if err := r.required(tree, true); err != nil {
			return nil, err
		}
	}
	if err := r.expressions(); err != nil {
		return nil, err
	}
	r.dataTypes()
	if err := r.schema(ctx); err != nil {
		return nil, err
	}
	if in.OnSkip != nil {
		for _, e := range r.skipped {
			in.OnSkip(e)
		}
	}
	out := r.visible()
	slices.SortStableFunc(out, func(a, b Issue) int {
		return cmp.Or(cmp.Compare(sourceRank(a.Source), sourceRank(b.Source)),
			cmp.Compare(a.DataType, b.DataType), cmp.Compare(a.Field, b.Field), cmp.Compare(a.Code, b.Code))
	})
	return out, nil
}

func (v *Validator) newRun(in Input) *run {
	r := &run{Validator: v, in: in, bound: map[string]bool{}}
	def := ""
	if in.LayoutSet != nil {
		def = in.LayoutSet.DataType
	}
	r.env = v.app.Env(&expr.JSONData{Default: def, Models: in.Data}, in.Language)
	r.env.Instance, r.env.Auth, r.env.TaskID = in.Instance, in.Auth, in.TaskID
	return r
}

// visible drops issues on fields that only hidden components are bound to.
func (r *run) visible() []Issue {
	out := r.issues[:0:0]
	for _, is := range r.issues {
		if is.Field != "" {
			if shown, bound := r.bound[is.DataType+"|"+is.Field]; bound && !shown {
				continue
			}
		}
		out = append(out, is)
	}
	return out
}

func (r *run) schema(ctx context.Context) error {
	if r.in.Schema == nil {
		return nil
	}
	for _, dt := range slices.Sorted(maps.Keys(r.in.Data)) {
		is, err := r.in.Schema.ValidateData(ctx, dt, r.in.Data[dt], r.in.Language)
		if err != nil {
			return fmt.Errorf("validation: schema of %s: %w", dt, err)
		}
		for i := range is {
			is[i].DataType, is[i].Source = dt, SourceSchema
		}
		r.issues = append(r.issues, is...)
	}
	return nil
}

func sourceRank(s string) int {
	return slices.Index([]string{SourceSchema, SourceRequired, SourceExpression, SourceDataType}, s)
}
