// SPDX-License-Identifier: MIT

package app

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/datamodels/metadata"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

// Model is one data model of models/: its JSON Schema and field tree.
type Model struct {
	// Name is the file base name; by convention the data type id.
	Name string
	// DataType is the data type of the same id, or nil when none has it.
	DataType *DataType
	// SchemaFile is models/<name>.schema.json when present.
	SchemaFile string
	// XSDFile is models/<name>.xsd when present.
	XSDFile string
	// Converted is true when Schema was made from XSDFile because there was
	// no .schema.json.
	Converted bool
	Schema    *jsonobj.Object
	// Fields is the model's field tree (binding paths, kinds, types).
	Fields *metadata.Model
	// Prefill is models/<name>.prefill.json, if any.
	Prefill *RawFile
	// LegacyMetadataFile is models/<name>.metadata.json, kept for lint only.
	LegacyMetadataFile string
}

// Model returns the model of data type id, or nil.
func (a *App) Model(id string) *Model { return a.Models[id] }

func (l *loader) loadModels() {
	dir := l.app.Root + "models"
	files := l.list(dir, "")
	has := map[string]bool{}
	for _, f := range files {
		has[f] = true
	}
	names := map[string]bool{}
	var order []string
	for _, f := range files {
		for _, ext := range []string{".schema.json", ".xsd"} {
			if base, ok := strings.CutSuffix(f, ext); ok && !names[base] {
				names[base] = true
				order = append(order, base)
			}
		}
	}
	for _, name := range order {
		m := &Model{Name: name, DataType: l.app.Metadata.DataType(name)}
		if has[name+".schema.json"] {
			m.SchemaFile = join(dir, name+".schema.json")
		}
		if has[name+".xsd"] {
			m.XSDFile = join(dir, name+".xsd")
		}
		if has[name+".metadata.json"] {
			m.LegacyMetadataFile = join(dir, name+".metadata.json")
		}
		if has[name+".prefill.json"] {
			file := join(dir, name+".prefill.json")
			if data, ok := l.read(file); ok {
				m.Prefill = &RawFile{File: file, Data: data}
				var probe any
				if e := decodeFile(file, data, &probe); e != nil {
					l.p.add(e)
				}
			}
		}
		if l.loadSchema(m) {
			l.app.Models[name] = m
		}
	}
	for _, name := range []string{".validation.json", ".calculation.json"} {
		for _, f := range files {
			if base, ok := strings.CutSuffix(f, name); ok {
				l.loadRules(join(dir, f), base, name == ".validation.json")
			}
		}
	}
	for _, d := range l.app.Metadata.DataTypes {
		if d.AppLogic != nil && d.AppLogic.ClassRef != "" && l.app.Models[d.ID] == nil {
			l.p.issue(Issue{File: l.app.Metadata.File, Severity: "warning", Code: "model-missing",
				Message: fmt.Sprintf("data type %q has a classRef but models/ has no %s.schema.json or %s.xsd", d.ID, d.ID, d.ID)})
		}
	}
}

// loadSchema reads the model's JSON Schema (or converts its XSD) and builds
// the field tree.
func (l *loader) loadSchema(m *Model) bool {
	if m.SchemaFile != "" {
		data, ok := l.read(m.SchemaFile)
		if !ok {
			return false
		}
		doc, err := jsonobj.Decode(relax(data))
		if err != nil {
			var probe any
			if e := decodeFile(m.SchemaFile, data, &probe); e != nil {
				l.p.add(e)
			} else {
				l.p.add(fileErr(m.SchemaFile, "", ErrModel, "%v", err))
			}
			return false
		}
		obj, ok := doc.(*jsonobj.Object)
		if !ok {
			l.p.add(fileErr(m.SchemaFile, "", ErrModel, "a JSON Schema is an object"))
			return false
		}
		m.Schema = obj
	} else {
		obj, err := xsdjson.ConvertFile(l.fsys, m.XSDFile, xsd.Options{MaxBytes: l.opts.MaxFileBytes})
		if err != nil {
			l.p.add(&Error{File: m.XSDFile, Err: fmt.Errorf("%w: %w", ErrModel, err)})
			return false
		}
		m.Schema, m.Converted = obj, true
	}
	fields, err := metadata.New(m.Schema)
	if err != nil {
		file := m.SchemaFile
		if file == "" {
			file = m.XSDFile
		}
		l.p.add(&Error{File: file, Err: fmt.Errorf("%w: %w", ErrModel, err)})
		return false
	}
	m.Fields = fields
	return true
}

// rawJSON checks that data is JSON and returns it relaxed.
func rawJSON(data []byte) (json.RawMessage, error) {
	clean := relax(data)
	if !json.Valid(clean) {
		var probe any
		return nil, json.Unmarshal(clean, &probe)
	}
	return clean, nil
}
