// SPDX-License-Identifier: MIT

package xsd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// Parse reads one schema document. Includes and imports stay in the model
// unresolved; use Load to follow them and check references.
func Parse(data []byte, file string, opts Options) (*Schema, error) {
	opts = opts.withDefaults()
	root, err := readDocument(data, file, opts)
	if err != nil {
		return nil, err
	}
	b := &builder{file: file}
	s, err := b.schema(root)
	if err != nil {
		return nil, err
	}
	s.Warnings = b.warnings
	return s, nil
}

// Load reads the schema name from fsys, follows its includes and imports
// through fsys (paths relative to the including file; remote locations are
// not fetched), and checks that every reference resolves.
func Load(fsys fs.FS, name string, opts Options) (*Set, error) {
	opts = opts.withDefaults()
	l := &loader{fsys: fsys, opts: opts, byPath: map[string]*Schema{}}
	main, err := l.load(path.Clean(name), Pos{File: name}, "")
	if err != nil {
		return nil, err
	}
	return newSet(main, l.order)
}

type loader struct {
	fsys   fs.FS
	opts   Options
	byPath map[string]*Schema
	order  []*Schema
}

// load reads one file; chameleon is the namespace a no-namespace included
// schema takes on, or "" for none.
func (l *loader) load(name string, from Pos, chameleon string) (*Schema, error) {
	if s, ok := l.byPath[name]; ok {
		return s, nil
	}
	if len(l.order) >= l.opts.MaxFiles {
		return nil, errAt(from, "", ErrLimit, "more than %d schema files", l.opts.MaxFiles)
	}
	data, err := l.read(name)
	if err != nil {
		return nil, errAt(from, "", ErrNotFound, "cannot read %q: %v", name, err)
	}
	s, err := Parse(data, name, l.opts)
	if err != nil {
		return nil, err
	}
	if chameleon != "" && !s.HasTargetNamespace {
		s.TargetNamespace = chameleon
		s.refs(func(r ref) {
			if r.name.Space == "" {
				r.name.Space = chameleon
			}
		})
	}
	l.byPath[name] = s
	l.order = append(l.order, s)
	for _, it := range s.Items {
		switch x := it.(type) {
		case *Include:
			if x.Schema, err = l.follow(s, x.SchemaLocation, x.Pos, "xs:include"); err != nil {
				return nil, err
			}
			if x.Schema.TargetNamespace != s.TargetNamespace {
				return nil, errAt(x.Pos, "xs:include", ErrInvalid, "included schema has target namespace %q, not %q", x.Schema.TargetNamespace, s.TargetNamespace)
			}
		case *Import:
			if x.Namespace == s.TargetNamespace {
				return nil, errAt(x.Pos, "xs:import", ErrInvalid, "a schema cannot import its own target namespace %q", x.Namespace)
			}
			if x.SchemaLocation == "" {
				continue
			}
			if x.Schema, err = l.follow(s, x.SchemaLocation, x.Pos, "xs:import"); err != nil {
				return nil, err
			}
			if x.Schema.TargetNamespace != x.Namespace {
				return nil, errAt(x.Pos, "xs:import", ErrInvalid, "imported schema has target namespace %q, not %q", x.Schema.TargetNamespace, x.Namespace)
			}
		}
	}
	return s, nil
}

func (l *loader) follow(from *Schema, location string, at Pos, what string) (*Schema, error) {
	if strings.Contains(location, "://") || strings.HasPrefix(location, "/") {
		return nil, errAt(at, what, ErrNotFound, "schemaLocation %q is not a relative path; remote schemas are not fetched", location)
	}
	p := path.Join(path.Dir(from.File), location)
	if !fs.ValidPath(p) {
		return nil, errAt(at, what, ErrNotFound, "schemaLocation %q points outside the schema folder", location)
	}
	chameleon := ""
	if what == "xs:include" {
		chameleon = from.TargetNamespace
	}
	s, err := l.load(p, at, chameleon)
	var xe *Error
	if errors.As(err, &xe) && errors.Is(err, ErrNotFound) && xe.Construct == "" {
		xe.Construct = fmt.Sprintf("%s schemaLocation=%q", what, location)
	}
	return s, err
}

func (l *loader) read(name string) ([]byte, error) {
	f, err := l.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, l.opts.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	return data, nil
}
