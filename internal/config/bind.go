// SPDX-License-Identifier: MIT

package config

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/spf13/pflag"
)

// EnvPrefix is put before every env tag.
const EnvPrefix = "BLANKETT_"

var durationType = reflect.TypeFor[time.Duration]()

// field is one bindable struct field.
type field struct {
	flag, env, def, usage, secret string
	v                             reflect.Value
}

// fields walks cfg (a pointer to a struct), descending into embedded and nested
// structs, and returns the fields that have a flag tag.
func fields(cfg any) []field {
	v := reflect.ValueOf(cfg)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		panic(fmt.Sprintf("config: want a pointer to a struct, got %T", cfg))
	}
	var out []field
	var walk func(reflect.Value)
	walk = func(s reflect.Value) {
		t := s.Type()
		for i := range t.NumField() {
			sf, fv := t.Field(i), s.Field(i)
			if !sf.IsExported() {
				continue
			}
			name, ok := sf.Tag.Lookup("flag")
			if !ok {
				if fv.Kind() == reflect.Struct && fv.Type() != durationType {
					walk(fv)
				}
				continue
			}
			out = append(out, field{flag: name, env: sf.Tag.Get("env"), def: sf.Tag.Get("default"),
				usage: sf.Tag.Get("usage"), secret: sf.Tag.Get("secret"), v: fv})
		}
	}
	walk(v.Elem())
	return out
}

// Register defines a flag for every tagged field of cfg on fs and sets the fields to
// their defaults. It panics on a tag it cannot bind: that is a programming error.
func Register(fs *pflag.FlagSet, cfg any) {
	for _, f := range fields(cfg) {
		usage := f.usage
		if f.env != "" {
			usage += " [$" + EnvPrefix + f.env + "]"
		}
		p := f.v.Addr().Interface()
		switch ptr := p.(type) {
		case *string:
			fs.StringVar(ptr, f.flag, f.def, usage)
		case *bool:
			fs.BoolVar(ptr, f.flag, f.def == "true", usage)
		case *int:
			fs.IntVar(ptr, f.flag, 0, usage)
		case *time.Duration:
			fs.DurationVar(ptr, f.flag, 0, usage)
		case *[]string:
			fs.StringSliceVar(ptr, f.flag, nil, usage)
		default:
			panic(fmt.Sprintf("config: field for --%s has unsupported type %T", f.flag, p))
		}
		if f.def != "" {
			fl := fs.Lookup(f.flag)
			if err := fl.Value.Set(f.def); err != nil {
				panic(fmt.Sprintf("config: default %q for --%s: %v", f.def, f.flag, err))
			}
			fl.DefValue = f.def
		}
	}
}

// Load applies the environment to every field whose flag was not given on the command
// line. getenv is os.Getenv in production and a map lookup in tests. Secrets may come
// from BLANKETT_<ENV>_FILE, whose content (without a trailing newline) is the value.
func Load(fs *pflag.FlagSet, cfg any, getenv func(string) string) error {
	var errs []error
	for _, f := range fields(cfg) {
		if f.env == "" || fs.Changed(f.flag) {
			continue
		}
		name := EnvPrefix + f.env
		val, file := getenv(name), ""
		if f.secret != "" {
			file = getenv(name + "_FILE")
		}
		switch {
		case val != "" && file != "":
			errs = append(errs, fmt.Errorf("%s and %s_FILE are both set; use one", name, name))
			continue
		case file != "":
			b, err := os.ReadFile(file)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s_FILE: %w", name, err))
				continue
			}
			val = strings.TrimRight(string(b), "\r\n")
		case val == "":
			continue
		}
		if err := fs.Set(f.flag, val); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("config: %w", errors.Join(errs...))
	}
	return nil
}
