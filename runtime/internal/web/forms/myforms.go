// SPDX-License-Identifier: MIT

package forms

import (
	"context"
	"errors"
	"net/http"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
)

// listed is one instance on the "my forms" page.
type listed struct {
	URL, Label, Delete string
}

type myFormsPage struct {
	AppTitle, NewURL string
	Drafts, Archive  []listed
	CanStart         bool
	T                uiText
}

// maxListed bounds each list of the start and "my forms" pages.
const maxListed = 50

// instancesOf lists (up to maxListed of) the party's instances of the app: archived (submitted) or
// active, neither deleted, newest change first.
func (h *Handler) instancesOf(ctx context.Context, rel *apphost.Release, party int64, archived bool) ([]store.Instance, error) {
	no := false
	res, err := h.st.QueryInstances(ctx, store.InstanceQuery{AppID: rel.ID, PartyIDs: []int64{party},
		IsArchived: &archived, IsSoftDeleted: &no, IsHardDeleted: &no, Size: maxListed})
	return res.Instances, err
}

// myForms lists the selected party's drafts of the app (continue, delete) and its
// submitted forms (receipt).
func (h *Handler) myForms(c *gin.Context) {
	ar, ok := h.loadApp(c)
	if !ok {
		return
	}
	lang, a, who, rel := ar.lang, ar.a, ar.who, ar.rel
	if !h.allowed(c, who, rel, a.PartyID, nil, process.ActionRead) {
		h.denied(c, rel, lang)
		return
	}
	t := texts(lang)
	v := myFormsPage{AppTitle: appTitle(rel, lang), NewURL: appPath(rel.Org, rel.Name) + "new", T: t,
		CanStart: h.allowed(c, who, rel, a.PartyID, nil, process.ActionInstantiate)}
	canDelete := h.allowed(c, who, rel, a.PartyID, nil, process.ActionDelete)
	for _, archived := range []bool{false, true} {
		list, err := h.instancesOf(c.Request.Context(), rel, a.PartyID, archived)
		if err != nil {
			h.failed(c, rel, lang, err)
			return
		}
		for _, in := range list {
			base := instancePath(rel.Org, rel.Name, in.PartyID, in.GUID)
			if archived {
				at := in.LastChanged
				if in.ArchivedAt != nil {
					at = *in.ArchivedAt
				}
				v.Archive = append(v.Archive, listed{URL: base + "/receipt", Label: t.SubmittedAt + " " + at.Local().Format("02.01.2006 15:04")})
				continue
			}
			l := listed{URL: base, Label: t.Draft + " " + in.Created.Local().Format("02.01.2006 15:04")}
			if canDelete {
				l.Delete = base + "/delete"
			}
			v.Drafts = append(v.Drafts, l)
		}
	}
	body, err := h.fragment("myforms", v)
	if err != nil {
		h.failed(c, rel, lang, err)
		return
	}
	h.pageWith(c, http.StatusOK, rel, lang, t.MyForms, body, chrome{OnMyForms: true})
}

// deleteDraft soft-deletes an instance in progress and goes back to "my forms".
func (h *Handler) deleteDraft(c *gin.Context) {
	r, ok := h.load(c)
	if !ok {
		return
	}
	rel := r.snap.Release
	if !h.allowed(c, r.who, rel, r.snap.PartyID(), r.snap, process.ActionDelete) {
		h.denied(c, rel, r.lang)
		return
	}
	if err := h.svc.DeleteDraft(c.Request.Context(), r.who, r.snap); err != nil {
		if errors.Is(err, instances.ErrConflict) {
			h.conflict(c, r)
			return
		}
		h.serviceError(c, r, err)
		return
	}
	c.Redirect(http.StatusSeeOther, appPath(rel.Org, rel.Name)+"?"+myFormsView)
}
