// SPDX-License-Identifier: MIT

package diff

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/blankett/blankett/appframework/app"
)

// dataTypes compares the data types of applicationmetadata.json.
func (d *differ) dataTypes(a, b *app.App) {
	ids := func(x *app.App) []string {
		var out []string
		for _, t := range x.Metadata.DataTypes {
			out = append(out, t.ID)
		}
		return out
	}
	p := match(ids(a), ids(b), func(id string, inNew bool) string {
		if inNew {
			return canonical(b.Metadata.DataType(id).Raw, "id")
		}
		return canonical(a.Metadata.DataType(id).Raw, "id")
	})
	for _, id := range p.added {
		d.add(Added, AreaDataType, id, "", "", "", "data type %q added (%s)", id, dataTypeKind(b.Metadata.DataType(id)))
	}
	for _, id := range p.removed {
		d.add(Removed, AreaDataType, id, "", "", "", "data type %q removed", id)
	}
	for _, old := range sortedKeys(p.renamed) {
		d.add(Renamed, AreaDataType, p.renamed[old], old, "", "", "data type %q renamed to %q", old, p.renamed[old])
	}
	for _, id := range p.both {
		ra, rb := a.Metadata.DataType(id).Raw, b.Metadata.DataType(id).Raw
		if keys := changedKeys(ra, rb); len(keys) > 0 {
			d.add(Changed, AreaDataType, id, "", "", "", "data type %q changed: %s", id, describeKeys(ra, rb, keys))
		}
	}
}

func dataTypeKind(t *app.DataType) string {
	switch {
	case t.IsForm():
		return "form data"
	case len(t.AllowedContentTypes) > 0:
		return "attachments: " + strings.Join(t.AllowedContentTypes, ", ")
	}
	return "attachments"
}

// describeKeys renders changed keys as "key old → new" when both values are
// short scalars, and as the key alone otherwise.
func describeKeys(a, b []byte, keys []string) string {
	var ma, mb map[string]json.RawMessage
	_ = json.Unmarshal(a, &ma)
	_ = json.Unmarshal(b, &mb)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		va, vb := scalar(ma[k]), scalar(mb[k])
		switch {
		case va != "" && vb != "":
			parts = append(parts, fmt.Sprintf("%s %s → %s", k, va, vb))
		case ma[k] == nil:
			parts = append(parts, k+" added")
		case mb[k] == nil:
			parts = append(parts, k+" removed")
		default:
			parts = append(parts, k)
		}
	}
	return strings.Join(parts, ", ")
}

// scalar renders a short JSON scalar, or "".
func scalar(raw json.RawMessage) string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return ""
	}
	switch x := v.(type) {
	case string:
		if len(x) <= 40 {
			return fmt.Sprintf("%q", x)
		}
	case float64, bool:
		return fmt.Sprint(x)
	}
	return ""
}

// settings compares the app-wide and per-set settings key by key:
// applicationmetadata.json (without data types), each set's Settings.json
// (without the page order, which pages reports), layout-sets.json
// uiSettings and the FrontEndSettings of appsettings.json.
func (d *differ) settings(a, b *app.App) {
	d.settingKeys("applicationmetadata.json", a.Metadata.Raw, b.Metadata.Raw, "dataTypes", "lastChanged", "lastChangedBy", "created", "createdBy")
	var ua, ub []byte
	if a.UISettings != nil {
		ua = a.UISettings.Raw
	}
	if b.UISettings != nil {
		ub = b.UISettings.Raw
	}
	d.settingKeys("uiSettings", ua, ub)
	for _, sb := range b.LayoutSets {
		sa := a.LayoutSet(sb.ID)
		if sa == nil || sa.Settings == nil || sb.Settings == nil {
			continue
		}
		pa, pb := subObject(sa.Settings.Raw, "pages", "order"), subObject(sb.Settings.Raw, "pages", "order")
		name := fmt.Sprintf("Settings.json of layout set %q", sb.ID)
		if sb.ID == "" {
			name = "Settings.json"
		}
		d.settingKeys(name+" pages", pa, pb)
		d.settingKeys(name, sa.Settings.Raw, sb.Settings.Raw, "pages", "$schema")
	}
	fa, _ := json.Marshal(a.FrontendSettings)
	fb, _ := json.Marshal(b.FrontendSettings)
	d.settingKeys("FrontEndSettings", fa, fb)
}

// subObject returns the object at key of a JSON object, without the
// listed keys.
func subObject(raw []byte, key string, without ...string) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil || m[key] == nil {
		return nil
	}
	return []byte(canonical(m[key], without...))
}

func (d *differ) settingKeys(where string, a, b []byte, skip ...string) {
	if len(a) == 0 && len(b) == 0 {
		return
	}
	if len(a) == 0 {
		a = []byte("{}")
	}
	if len(b) == 0 {
		b = []byte("{}")
	}
	for _, k := range changedKeys(a, b) {
		if k == "$schema" || contains(skip, k) {
			continue
		}
		d.add(Changed, AreaSetting, k, "", where, "", "setting %s in %s changed: %s", k, where, describeKeys(a, b, []string{k}))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// validations compares the expression validations per data type and field.
func (d *differ) validations(a, b *app.App) {
	sig := func(v *app.Validation) map[string]string {
		out := map[string]string{}
		if v == nil {
			return out
		}
		for _, f := range v.Fields {
			var s strings.Builder
			for _, r := range f.Rules {
				r2, err := r.Resolve(v.Definitions)
				if err != nil {
					r2 = r
				}
				fmt.Fprintf(&s, "%s|%s|%s\n", r2.Condition, r2.Message, r2.Severity)
			}
			out[f.Field] = s.String()
		}
		return out
	}
	types := sortedKeys(a.Validations)
	for _, t := range sortedKeys(b.Validations) {
		if !contains(types, t) {
			types = append(types, t)
		}
	}
	for _, dt := range types {
		va, vb := sig(a.Validations[dt]), sig(b.Validations[dt])
		for _, f := range sortedKeys(vb) {
			switch old, ok := va[f]; {
			case !ok:
				d.add(Added, AreaValidation, f, "", dt, "", "validation of field %q added in data model %q", f, dt)
			case old != vb[f]:
				d.add(Changed, AreaValidation, f, "", dt, "", "validation of field %q changed in data model %q", f, dt)
			}
		}
		for _, f := range sortedKeys(va) {
			if _, ok := vb[f]; !ok {
				d.add(Removed, AreaValidation, f, "", dt, "", "validation of field %q removed from data model %q", f, dt)
			}
		}
	}
}
