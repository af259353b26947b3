// SPDX-License-Identifier: MIT

package lint

import (
	"strings"

	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/datamodels/metadata"
)

// fieldIndex finds the fields of one data model by binding path.
type fieldIndex struct {
	byPath map[string]*metadata.FieldInfo
}

func newFieldIndex(m *metadata.Model) *fieldIndex {
	ix := &fieldIndex{byPath: map[string]*metadata.FieldInfo{}}
	if m != nil {
		m.Walk(func(f *metadata.FieldInfo) { ix.byPath[f.Path] = f })
	}
	return ix
}

// lookup finds the field of a path, ignoring its row indices. A path below
// a recursive field (whose children the tree does not expand) is accepted
// with a nil field.
func (ix *fieldIndex) lookup(p expr.Path) (*metadata.FieldInfo, bool) {
	var b strings.Builder
	for i, s := range p {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.Name)
		f, ok := ix.byPath[b.String()]
		if !ok {
			return nil, false
		}
		if f.Recursive && i < len(p)-1 {
			return nil, true
		}
		if i == len(p)-1 {
			return f, true
		}
	}
	return nil, false
}

// indexModels builds a field index per model, keyed by data type id.
func (l *linter) indexModels() {
	for name, m := range l.app.Models {
		if m.Fields != nil {
			l.models[name] = newFieldIndex(m.Fields)
		}
	}
}

// field looks up a path in the model of dataType. known is false when the
// app has no model for the data type, so the caller cannot tell.
func (l *linter) field(dataType string, p expr.Path) (f *metadata.FieldInfo, found, known bool) {
	ix := l.models[dataType]
	if ix == nil {
		return nil, false, false
	}
	f, found = ix.lookup(p)
	return f, found, true
}
