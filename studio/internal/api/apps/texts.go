// SPDX-License-Identifier: MIT

package apps

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"

	"github.com/blankett/blankett/datamodels/jsonobj"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/api"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/gin-gonic/gin"
)

// langRE is a language code as Altinn names resource files (nb, nn, en, se…).
var langRE = regexp.MustCompile(`^[a-z]{2,3}$`)

type textsRequest struct {
	Parent string `json:"parent"`
	// Set adds or changes texts by key.
	Set map[string]string `json:"set"`
	// Delete removes keys.
	Delete []string `json:"delete"`
}

func textsPath(lang string) string { return "App/config/texts/resource." + lang + ".json" }

// patchTexts sets and deletes keys of resource.<lang>.json; a language without a
// file gets one, which is how a language is added. Other keys keep their order.
func (h *Handler) patchTexts(c *gin.Context) {
	lang := c.Param("lang")
	if !langRE.MatchString(lang) {
		httpx.Abort(c, http.StatusBadRequest, api.CodeInvalidInput, fmt.Sprintf("language %q: use a two- or three-letter code such as nb", lang))
		return
	}
	var req textsRequest
	if !api.Decode(c, &req) {
		return
	}
	for k := range req.Set {
		if k == "" {
			httpx.Abort(c, http.StatusBadRequest, api.CodeInvalidInput, "A text key must not be empty.")
			return
		}
	}
	ws, ok := h.begin(c, req.Parent)
	if !ok {
		return
	}
	old, err := ws.read(c, textsPath(lang))
	if err != nil {
		h.fail(c, err)
		return
	}
	doc, list, err := resources(old, lang)
	if err != nil {
		invalid(c, CodeInvalidDocument, textsPath(lang)+": "+err.Error(), nil)
		return
	}
	done := map[string]bool{}
	for _, r := range list {
		o, _ := r.(*jsonobj.Object)
		if o == nil {
			continue
		}
		id, _ := o.Value("id").(string)
		if v, ok := req.Set[id]; ok {
			o.Set("value", v)
			done[id] = true
		}
	}
	keys := make([]string, 0, len(req.Set))
	for k := range req.Set {
		if !done[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		list = append(list, jsonobj.New().Set("id", k).Set("value", req.Set[k]))
	}
	list = slices.DeleteFunc(list, func(r any) bool {
		o, _ := r.(*jsonobj.Object)
		if o == nil {
			return false
		}
		id, _ := o.Value("id").(string)
		return slices.Contains(req.Delete, id)
	})
	doc.Set("resources", list)
	b, err := jsonobj.Marshal(doc)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.commit(c, ws, "Update texts ("+lang+")", []gitrepo.Change{{Path: textsPath(lang), Content: b}})
}

// resources decodes a resource file (nil: a new one for lang) and returns it with its
// resources array.
func resources(b []byte, lang string) (*jsonobj.Object, []any, error) {
	if b == nil {
		return jsonobj.New().Set("language", lang).Set("resources", []any{}), nil, nil
	}
	v, err := jsonobj.Decode(b)
	if err != nil {
		return nil, nil, err
	}
	doc, ok := v.(*jsonobj.Object)
	if !ok {
		return nil, nil, fmt.Errorf("not a JSON object")
	}
	list, ok := doc.Value("resources").([]any)
	if !ok && doc.Has("resources") {
		return nil, nil, fmt.Errorf("resources is not an array")
	}
	return doc, list, nil
}
