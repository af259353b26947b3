// SPDX-License-Identifier: MIT

package forms

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/render"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/gin-gonic/gin"
)

// maxFields bounds the number of posted values, files excluded.
const maxFields = 5000

// errFormTooLarge reports a post whose fields (files excluded) pass maxFormBytes.
var errFormTooLarge = errors.New("forms: the posted fields are too large")

// multipartLimit bounds a multipart post: the fields plus the largest file any
// attachment data type of the app accepts. The instance service enforces each
// type's own limit while it streams.
func multipartLimit(a *app.App) int64 {
	limit := int64(0)
	for _, dt := range a.Metadata.DataTypes {
		if dt.AppLogic != nil && dt.AppLogic.ClassRef != "" {
			continue
		}
		n := int64(instances.DefaultMaxSize)
		if dt.MaxSize != nil && *dt.MaxSize > 0 {
			n = int64(*dt.MaxSize*1024*1024) + 1
		}
		limit = max(limit, n)
	}
	return maxFormBytes + limit
}

// readForm parses the posted form into c.Request.PostForm. A multipart post is read
// part by part: each chosen file of a page's file input ("_file:<target>") is
// streamed into the instance service as it arrives, never buffered here; what
// went wrong with a file becomes an issue on its component. r.snap is read again
// when a file was stored; the files stored are returned with their components.
func (h *Handler) readForm(c *gin.Context, r *request, ls *app.LayoutSet) ([]render.Issue, []storedFile, error) {
	mt, params, _ := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if mt != "multipart/form-data" {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxFormBytes)
		return nil, nil, c.Request.ParseForm()
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, multipartLimit(r.snap.Release.App))
	mr := multipart.NewReader(c.Request.Body, params["boundary"])
	form := url.Values{}
	var issues []render.Issue
	var stored []storedFile
	budget := int64(maxFormBytes)
	for n := 0; ; n++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("forms: read multipart form: %w", err)
		}
		if n > maxFields {
			return nil, nil, errFormTooLarge
		}
		name := p.FormName()
		if p.FileName() == "" {
			b, err := io.ReadAll(io.LimitReader(p, budget+1))
			if err != nil {
				return nil, nil, fmt.Errorf("forms: read multipart form: %w", err)
			}
			if budget -= int64(len(b)); budget < 0 {
				return nil, nil, errFormTooLarge
			}
			form.Add(name, string(b))
			continue
		}
		target, ok := strings.CutPrefix(name, render.FilePrefix)
		if !ok {
			continue // a file for no upload component: skipped unread
		}
		t, err := render.ParseTarget(target)
		if err != nil || ls.Component(t.Component) == nil {
			continue
		}
		up := instances.Upload{ContentType: p.Header.Get("Content-Type"), Filename: baseName(p.FileName()), Length: -1, Body: p}
		e, err := h.svc.CreateData(c.Request.Context(), r.who, r.snap, t.Component, up)
		if err != nil {
			msg, ok := uploadProblem(err, texts(r.lang))
			if !ok {
				return nil, nil, err
			}
			issues = append(issues, render.Issue{Severity: render.SeverityError, ComponentID: componentInstance(t), Message: msg, Code: "upload"})
			continue
		}
		stored = append(stored, storedFile{target: t, id: e.ID})
	}
	c.Request.PostForm, c.Request.Form = form, form
	if len(stored) > 0 {
		snap, err := h.svc.Get(c.Request.Context(), refOf(r.snap))
		if err != nil {
			return nil, nil, err
		}
		r.snap = snap
	}
	return issues, stored, nil
}

// deleteFile deletes attachment id of upload component comp.
func (h *Handler) deleteFile(c *gin.Context, r *request, comp, id string) error {
	e, err := r.snap.Element(id)
	if err != nil {
		return err
	}
	if e.DataType != comp {
		return instances.ErrNotFound
	}
	return h.svc.DeleteData(c.Request.Context(), r.who, r.snap, id)
}

// uploadProblem words an upload refusal of the instance service for the user;
// false for failures that are not the user's to fix.
func uploadProblem(err error, t uiText) (string, bool) {
	var ie *instances.Error
	if !errors.As(err, &ie) {
		return "", false
	}
	switch ie.Code {
	case instances.CodeTooLarge:
		return t.FileTooLarge, true
	case instances.CodeContentTypeRejected, instances.CodeMissingFilename:
		return t.FileType, true
	case instances.CodeEmpty:
		return t.FileEmpty, true
	case instances.CodeTooMany:
		return t.FileTooMany, true
	case instances.CodeUserCreateDisallowed, instances.CodeDataTypeUnknown:
		return t.FileFailed, true
	}
	return "", false
}

// componentInstance is a component id with Altinn's row suffix ("vedlegg-1-0").
func componentInstance(t render.Target) string {
	id := t.Component
	for _, r := range t.Rows {
		id += "-" + strconv.Itoa(r)
	}
	return id
}

// baseName drops any folder a browser sent with the file name.
func baseName(s string) string {
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// refOf is the reference of a snapshot's instance.
func refOf(s *instances.Snapshot) instances.Ref {
	return instances.Ref{Org: s.Release.Org, App: s.Release.Name, PartyID: s.PartyID(), GUID: guidOf(s)}
}
