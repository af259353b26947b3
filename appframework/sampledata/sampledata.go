// SPDX-License-Identifier: MIT

package sampledata

import (
	"time"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/datamodels/metadata"
)

// Options tune Build. The zero value is ready to use.
type Options struct {
	// Rows is the number of items of every repeating group and repeated
	// field (default 2; negative means none).
	Rows int
	// Date is the date used for date and time values (default 2024-05-17,
	// so that output is stable).
	Date time.Time
	// MaxValues caps the number of values built; nested repeating groups
	// multiply, so a deep model stops adding rows when it is reached
	// (default 20 000).
	MaxValues int
}

func (o Options) withDefaults() Options {
	if o.Rows == 0 {
		o.Rows = 2
	}
	if o.Rows < 0 {
		o.Rows = 0
	}
	if o.Date.IsZero() {
		o.Date = time.Date(2024, 5, 17, 12, 0, 0, 0, time.UTC)
	}
	if o.MaxValues <= 0 {
		o.MaxValues = 20_000
	}
	return o
}

// maxDepth bounds nesting; real models stay far below it.
const maxDepth = 64

// Build returns sample data for model m: the root element's content as a
// map. A nil model gives an empty map.
func Build(m *metadata.Model, opts Options) map[string]any {
	b := &builder{opts: opts.withDefaults()}
	if m == nil {
		return map[string]any{}
	}
	return b.object(m.Fields, 0)
}

// ForApp returns sample data for every data type of a with a model, keyed
// by data type id (the model's name when no data type has it), ready for
// expr.JSONData.Models and the renderer's PageInput.Data.
func ForApp(a *app.App, opts Options) map[string]any {
	out := map[string]any{}
	if a == nil {
		return out
	}
	for name, m := range a.Models {
		if m == nil || m.Fields == nil {
			continue
		}
		id := name
		if m.DataType != nil && m.DataType.ID != "" {
			id = m.DataType.ID
		}
		out[id] = Build(m.Fields, opts)
	}
	return out
}

type builder struct {
	opts   Options
	values int
}

func (b *builder) full() bool { return b.values >= b.opts.MaxValues }

func (b *builder) object(fields []*metadata.FieldInfo, depth int) map[string]any {
	obj := make(map[string]any, len(fields))
	if depth > maxDepth {
		return obj
	}
	for _, f := range fields {
		if f == nil || f.Name == "" {
			continue
		}
		if v, ok := b.field(f, depth); ok {
			obj[f.Name] = v
		}
	}
	return obj
}

// field returns the value of f: a list for repeating fields, else one item.
func (b *builder) field(f *metadata.FieldInfo, depth int) (any, bool) {
	if b.full() {
		return nil, false
	}
	if !f.Repeating {
		return b.item(f, 0, depth), true
	}
	items := []any{}
	for i := 0; i < b.opts.Rows && !b.full(); i++ {
		items = append(items, b.item(f, i, depth))
	}
	return items, true
}

func (b *builder) item(f *metadata.FieldInfo, row, depth int) any {
	b.values++
	if f.Kind == metadata.Group || f.Type == "object" {
		if f.Recursive {
			return map[string]any{}
		}
		return b.object(f.Children, depth+1)
	}
	return b.value(f, row)
}
