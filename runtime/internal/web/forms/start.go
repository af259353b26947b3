// SPDX-License-Identifier: MIT

package forms

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

type draft struct{ URL, Label string }

type startView struct {
	AppTitle, NewURL, MyForms string
	Drafts                    []draft
	CanStart                  bool
	T                         uiText
}

// loginFirst redirects anonymous visitors to log in (and callers without a party to
// choose one) and reports whether it did.
func loginFirst(c *gin.Context, a auth.Caller) bool {
	back := c.Request.URL.RequestURI()
	switch {
	case a.Kind != auth.Person || !a.ViaSession:
		c.Redirect(http.StatusSeeOther, auth.PathLogin+"?"+url.Values{"returnTo": {back}}.Encode())
	case a.PartyID == 0:
		c.Redirect(http.StatusSeeOther, auth.PathParties+"?"+url.Values{"returnTo": {back}}.Encode())
	default:
		return false
	}
	return true
}

// appRequest is a decoded request for one app: its caller and release.
type appRequest struct {
	lang string
	a    auth.Caller
	who  authz.Caller
	rel  *apphost.Release
}

// loadApp resolves the caller and the app of the path, answering the request
// itself (login redirect, 404) when it cannot go on.
func (h *Handler) loadApp(c *gin.Context) (appRequest, bool) {
	r := appRequest{lang: language(c)}
	r.a, r.who = caller(c)
	if loginFirst(c, r.a) {
		return r, false
	}
	rel, err := h.svc.Release(c.Param("org"), c.Param("app"))
	if err != nil {
		h.notFound(c, nil, r.lang)
		return r, false
	}
	r.rel = rel
	return r, true
}

// start is the app's start page: the selected party's drafts and "start new".
func (h *Handler) start(c *gin.Context) {
	if c.Query("view") == "my" {
		h.myForms(c)
		return
	}
	ar, ok := h.loadApp(c)
	if !ok {
		return
	}
	lang, a, who, rel := ar.lang, ar.a, ar.who, ar.rel
	canRead := h.allowed(c, who, rel, a.PartyID, nil, process.ActionRead)
	canStart := h.allowed(c, who, rel, a.PartyID, nil, process.ActionInstantiate)
	if !canRead && !canStart {
		h.denied(c, rel, lang)
		return
	}
	v := startView{AppTitle: appTitle(rel, lang), NewURL: appPath(rel.Org, rel.Name) + "new", MyForms: appPath(rel.Org, rel.Name) + "?" + myFormsView,
		CanStart: canStart, T: texts(lang)}
	if canRead {
		list, err := h.instancesOf(c.Request.Context(), rel, a.PartyID, false)
		if err != nil {
			h.failed(c, rel, lang, err)
			return
		}
		for _, in := range list {
			v.Drafts = append(v.Drafts, draft{URL: instancePath(rel.Org, rel.Name, in.PartyID, in.GUID),
				Label: v.T.Draft + " " + in.Created.Local().Format("02.01.2006 15:04")})
		}
	}
	body, err := h.fragment("start", v)
	if err != nil {
		h.failed(c, rel, lang, err)
		return
	}
	h.page(c, http.StatusOK, rel, lang, "", body)
}

// create instantiates the app for the selected party and opens the form.
func (h *Handler) create(c *gin.Context) {
	ar, ok := h.loadApp(c)
	if !ok {
		return
	}
	lang, a, who, rel := ar.lang, ar.a, ar.who, ar.rel
	if !h.allowed(c, who, rel, a.PartyID, nil, process.ActionInstantiate) {
		h.denied(c, rel, lang)
		return
	}
	snap, err := h.svc.Instantiate(c.Request.Context(), who, instances.InstantiateRequest{Org: rel.Org, App: rel.Name, PartyID: a.PartyID})
	if err != nil {
		if errors.Is(err, instances.ErrConflict) || errors.Is(err, instances.ErrInvalid) {
			h.message(c, http.StatusConflict, rel, lang, message{Heading: texts(lang).ErrorHeading, Text: err.Error()})
			return
		}
		h.failed(c, rel, lang, err)
		return
	}
	c.Redirect(http.StatusSeeOther, instancePath(rel.Org, rel.Name, snap.PartyID(), guidOf(snap)))
}

// appPath is the start page of org/app, with a trailing slash.
func appPath(org, app string) string {
	return "/" + url.PathEscape(org) + "/" + url.PathEscape(app) + "/"
}

// instancePath is the form of an instance (its current page).
func instancePath(org, app string, party int64, guid string) string {
	return appPath(org, app) + "instance/" + strconv.FormatInt(party, 10) + "/" + url.PathEscape(guid)
}

// guidOf is the instance guid of a snapshot ("{party}/{guid}").
func guidOf(s *instances.Snapshot) string {
	id := s.Instance.ID
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '/' {
			return id[i+1:]
		}
	}
	return id
}
