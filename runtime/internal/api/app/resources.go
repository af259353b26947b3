// SPDX-License-Identifier: MIT

package app

import (
	"net/http"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/gin-gonic/gin"
)

// Problem codes of the app's static resources.
const (
	CodeTextsNotFound   = "texts_not_found"
	CodeOptionsNotFound = "options_not_found"
)

// textResource is Altinn's TextResource document.
type textResource struct {
	ID        string             `json:"id"`
	Org       string             `json:"org"`
	Language  string             `json:"language"`
	Resources []app.TextResource `json:"resources"`
}

// option is one entry of a code list.
type option struct {
	Value       any    `json:"value"`
	Label       string `json:"label"`
	Description string `json:"description,omitempty"`
	HelpText    string `json:"helpText,omitempty"`
}

// texts is GET api/v1/texts/{language}: the app's texts in the language, or in
// Norwegian bokmål (nb) when the app lacks it, as Altinn. Like applicationmetadata,
// the app's static resources are public: no instance, so no policy decision.
func (h *Handler) texts(c *gin.Context) {
	rel, ok := h.current(c)
	if !ok {
		return
	}
	lang := c.Param("language")
	t := rel.App.Texts[lang]
	if t == nil {
		t = rel.App.Texts["nb"]
	}
	if t == nil {
		httpx.AbortProblem(c, httpx.NewProblem(http.StatusNotFound, CodeTextsNotFound, "the app has no texts in "+lang+" or nb"))
		return
	}
	res := t.Resources
	if res == nil {
		res = []app.TextResource{}
	}
	c.JSON(http.StatusOK, textResource{ID: rel.Org + "-" + rel.Name + "-" + t.Language, Org: rel.Org, Language: t.Language, Resources: res})
}

// writeOptions answers GET …/options/{optionsId}: a static code list from rel's
// options folder. Labels are text keys, resolved by the client as in Altinn;
// language and other query parameters are accepted and, for static lists,
// unused, so Altinn-DownstreamParameters is empty.
func writeOptions(c *gin.Context, rel *apphost.Release) {
	list, ok := rel.App.Options(c.Param("optionsId"))
	if !ok {
		httpx.AbortProblem(c, httpx.NewProblem(http.StatusNotFound, CodeOptionsNotFound, "the app has no static code list "+c.Param("optionsId")))
		return
	}
	out := make([]option, 0, len(list))
	for _, o := range list {
		out = append(out, option{Value: o.Value, Label: o.Label, Description: o.Description, HelpText: o.HelpText})
	}
	c.Header("Altinn-DownstreamParameters", "")
	c.JSON(http.StatusOK, out)
}

// onCurrent serves a release's static resource from the app's current release
// (the public api/… routes).
func (h *Handler) onCurrent(write func(*gin.Context, *apphost.Release)) gin.HandlerFunc {
	return func(c *gin.Context) {
		if rel, ok := h.current(c); ok {
			write(c, rel)
		}
	}
}

// onPinned serves it from the release the instance is pinned to, for a caller
// the policy lets read the instance (the instance-aware routes).
func (h *Handler) onPinned(write func(*gin.Context, *apphost.Release)) gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, snap, ok := h.load(c, process.ActionRead); ok {
			write(c, snap.Release)
		}
	}
}

// current is the app's current release, or answers the request when there is none.
func (h *Handler) current(c *gin.Context) (*apphost.Release, bool) {
	rel, err := h.svc.Release(c.Param("org"), c.Param("app"))
	if err != nil {
		h.fail(c, err)
		return nil, false
	}
	return rel, true
}

// applicationSettings is GET api/v1/applicationsettings: the FrontEndSettings of
// the app's appsettings.json, an empty object when there are none.
func (h *Handler) applicationSettings(c *gin.Context) {
	rel, ok := h.current(c)
	if !ok {
		return
	}
	out := map[string]any{}
	for k, v := range rel.App.FrontendSettings {
		out[k] = v
	}
	c.JSON(http.StatusOK, out)
}
