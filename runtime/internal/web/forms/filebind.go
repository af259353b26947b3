// SPDX-License-Identifier: MIT

package forms

import (
	"errors"
	"slices"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/render"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// storedFile is an attachment stored through upload component target.
type storedFile struct {
	target render.Target
	id     string
}

// bindFile writes (add) or removes the id of attachment f in the form data that
// its FileUpload component is bound to, as Altinn's frontend does: a "list"
// binding holds the ids of all the component's files, a "simpleBinding" the one.
// It returns the data type changed; false when the component has no binding or
// nothing changed.
func bindFile(data map[string]any, ls *app.LayoutSet, f storedFile, add bool) (string, bool) {
	n := ls.Component(f.target.Component)
	if n == nil {
		return "", false
	}
	for _, key := range []string{"list", "simpleBinding"} {
		p, dt, err := bindingPath(n, key, f.target.Rows)
		if err != nil {
			continue
		}
		if dt == "" {
			dt = ls.DataType
		}
		root, ok := data[dt].(map[string]any)
		if !ok {
			return "", false
		}
		if key == "simpleBinding" {
			switch cur, _ := storedAt(root, p).(string); {
			case add && cur != f.id:
				return dt, setPath(root, p, f.id) == nil
			case !add && cur == f.id:
				return dt, setPath(root, p, nil) == nil
			}
			return "", false
		}
		p[len(p)-1].Index = -1
		obj, name, err := listAt(root, p)
		if err != nil {
			return "", false
		}
		list, _ := obj[name].([]any)
		i := slices.Index(list, any(f.id))
		switch {
		case add && i < 0:
			obj[name] = append(list, f.id)
		case !add && i >= 0:
			obj[name] = slices.Delete(list, i, i+1)
		default:
			return "", false
		}
		return dt, true
	}
	return "", false
}

// listChoice reads the row a List component's radio posted (name "_list:" +
// target): the fields to set and their values. Only the fields the component's
// own bindings name (inside its rows) are returned, so a forged value cannot
// write elsewhere in the form data.
func listChoice(ls *app.LayoutSet, target, value string) map[string]string {
	t, err := render.ParseTarget(target)
	if err != nil {
		return nil
	}
	n := ls.Component(t.Component)
	if n == nil || n.Type != "List" {
		return nil
	}
	choice, err := render.ParseListChoice(value)
	if err != nil {
		return nil
	}
	allowed := map[string]bool{}
	for key := range n.DataModelBindings {
		if key == "group" || key == "checked" {
			continue
		}
		if p, dt, err := bindingPath(n, key, t.Rows); err == nil {
			if dt == ls.DataType {
				dt = "" // the renderer names the default data type's fields without it
			}
			allowed[render.FieldName(render.Field{DataType: dt, Path: p})] = true
		}
	}
	for field := range choice {
		if !allowed[field] {
			delete(choice, field)
		}
	}
	return choice
}

// tagFile gives a file uploaded through FileUploadWithTag the tag chosen in the
// component's tag select ("_tag:" + target), posted with it. A tag that may not
// be stored is an issue on the component; the file stays.
func (h *Handler) tagFile(c *gin.Context, r *request, ls *app.LayoutSet, f storedFile) (*render.Issue, error) {
	n := ls.Component(f.target.Component)
	tag := c.Request.PostForm.Get(render.TagPrefix + f.target.String())
	if n == nil || n.Type != "FileUploadWithTag" || tag == "" {
		return nil, nil
	}
	_, err := h.svc.SetTags(c.Request.Context(), r.who, r.snap, f.id, []string{tag})
	var ie *instances.Error
	if errors.As(err, &ie) && ie.Code == instances.CodeTagInvalid {
		return &render.Issue{Severity: render.SeverityError, ComponentID: componentInstance(f.target),
			Message: texts(r.lang).TagFailed, Code: "tag"}, nil
	}
	return nil, err
}
