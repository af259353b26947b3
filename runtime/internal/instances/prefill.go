// SPDX-License-Identifier: MIT

package instances

import (
	"slices"
	"strconv"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/datamodels/metadata"
)

// prefill writes values (binding path such as "form.name" → value as text, the
// prefill map of Altinn's /instances/create) into the model value v and returns
// it. Each value is converted to its field's JSON type; a key the model lacks is
// skipped here and marked in used when applied, so the caller can refuse keys no
// model knows. A value that does not convert is ErrInvalid.
func prefill(m *app.Model, v map[string]any, values map[string]string, used map[string]bool) (map[string]any, error) {
	if len(values) == 0 || m == nil || m.Fields == nil {
		return v, nil
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		f := m.Fields.Lookup(k)
		if f == nil {
			continue
		}
		val, err := prefillValue(f, values[k])
		if err != nil {
			return nil, err
		}
		setPath(v, strings.Split(k, "."), val)
		used[k] = true
	}
	return v, nil
}

func prefillValue(f *metadata.FieldInfo, s string) (any, error) {
	if f.Repeating || len(f.Children) > 0 {
		return nil, fail(ErrInvalid, CodePrefillInvalid, "prefill field %q is not a single value", f.Path)
	}
	var (
		v   any = s
		err error
	)
	switch f.Type {
	case "integer":
		v, err = strconv.ParseInt(s, 10, 64)
	case "number":
		v, err = strconv.ParseFloat(s, 64)
	case "boolean":
		v, err = strconv.ParseBool(s)
	}
	if err != nil {
		return nil, fail(ErrInvalid, CodePrefillInvalid, "prefill field %q wants a %s, not %q", f.Path, f.Type, s)
	}
	return v, nil
}

// setPath sets v at the object path, creating the objects on the way.
func setPath(obj map[string]any, path []string, v any) {
	for _, p := range path[:len(path)-1] {
		next, ok := obj[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			obj[p] = next
		}
		obj = next
	}
	obj[path[len(path)-1]] = v
}
