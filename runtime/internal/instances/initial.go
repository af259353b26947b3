// SPDX-License-Identifier: MIT

package instances

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// Part is one data part of a multipart instantiation; Name is its data type.
type Part struct {
	Name string
	Upload
}

// Parts yields the data parts of a multipart instantiation in order; Next returns
// io.EOF after the last. Each part's body must be read before the next is asked for,
// which the service does, so a part is streamed to the blob store once.
type Parts interface {
	Next() (*Part, error)
}

// ContributorAllowed applies a data type's allowedContributors as Altinn does: an
// empty list allows everyone; otherwise only a caller whose org ("org:ttd") or
// organisation number ("orgno:991825827") is listed. "app:owned" names no caller,
// so such types are written by the app alone.
func ContributorAllowed(dt *app.DataType, c authz.Caller) bool {
	if len(dt.AllowedContributors) == 0 {
		return true
	}
	for _, item := range dt.AllowedContributors {
		k, v, _ := strings.Cut(item, ":")
		switch strings.ToLower(k) {
		case "org":
			if c.Org != "" && v == c.Org {
				return true
			}
		case "orgno":
			if c.OrgNumber != "" && v == c.OrgNumber {
				return true
			}
		}
	}
	return false
}

func contributorError(dt *app.DataType) error {
	return fail(ErrForbidden, CodeContributorRejected, "data type %s only accepts content from %s", dt.ID,
		strings.Join(dt.AllowedContributors, ", "))
}

// checkPartyType applies the app's partyTypesAllowed to the owner party; all false
// (or none given) allows any party, as Altinn.
func (s *Service) checkPartyType(ctx context.Context, rel relT, partyID int64) error {
	pt := rel.App.Metadata.PartyTypesAllowed
	if pt == nil || !(pt.Person || pt.Organisation || pt.SubUnit || pt.BankruptcyEstate) {
		return nil
	}
	p, err := s.party(ctx, partyID)
	if errors.Is(err, store.ErrNotFound) {
		return fail(ErrNotFound, CodePartyNotFound, "no party %d", partyID)
	}
	if err != nil {
		return err
	}
	if (p.typ == store.PartyPerson && pt.Person) || (p.typ == store.PartyOrganisation && pt.Organisation) {
		return nil
	}
	var allowed []string
	for _, a := range []struct {
		on   bool
		name string
	}{{pt.Person, "person"}, {pt.Organisation, "organisation"}, {pt.SubUnit, "subUnit"}, {pt.BankruptcyEstate, "bankruptcyEstate"}} {
		if a.on {
			allowed = append(allowed, a.name)
		}
	}
	return &Error{Kind: ErrForbidden, Code: CodePartyTypeNotAllowed, Title: "Party type not allowed",
		Detail: fmt.Sprintf("party %d is of type %s; app %s may only be instantiated for %s", partyID, p.typ, rel.ID,
			strings.Join(allowed, ", "))}
}

// initialData writes the blobs of the new instance's first data elements and
// returns their rows, not yet inserted: the request's data parts, then the form
// data the first task auto-creates for types no part supplied, with the request's
// prefill written into the model. On error the rows returned so far have blobs
// that the caller drops.
func (s *Service) initialData(ctx context.Context, c authz.Caller, rel relT, ref Ref, task *process.Element,
	req InstantiateRequest, who string, now timeT) (out []store.DataElement, parts int, err error) {
	if req.Parts == nil && len(req.Prefill) == 0 {
		out, err = s.autoCreate(ctx, rel, ref, task, who, now)
		return out, 0, err
	}
	supplied, counts := map[string]bool{}, map[string]int{}
	for req.Parts != nil {
		p, err := req.Parts.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var e *Error
			if errors.As(err, &e) {
				return out, parts, err
			}
			return out, parts, fail(ErrInvalid, CodeMultipartInvalid, "the multipart body does not read: %v", err)
		}
		el, err := s.partElement(ctx, c, rel, ref, p, counts, who, now)
		if el.BlobKey != "" {
			out = append(out, el)
		}
		if err != nil {
			return out, parts, err
		}
		supplied[p.Name] = true
	}
	parts = len(out)
	used := map[string]bool{}
	for _, dt := range rel.App.Metadata.DataTypes {
		if task == nil || !task.IsTask() || !isForm(dt) || dt.TaskID != task.ID || dt.AppLogic.AutoCreate == nil ||
			!*dt.AppLogic.AutoCreate || supplied[dt.ID] {
			continue
		}
		m := rel.App.Model(dt.ID)
		f, err := s.models.get(m)
		if err != nil {
			return out, parts, err
		}
		v, err := prefill(m, map[string]any{}, req.Prefill, used)
		if err != nil {
			return out, parts, err
		}
		ct := storedType(dt)
		body, err := f.encode(ct, v)
		if err != nil {
			return out, parts, err
		}
		el, err := s.putElement(ctx, rel, ref, dt.ID, uuid.NewString(), payload{ct: ct, body: bytes.NewReader(body)}, who, now, false)
		if err != nil {
			return out, parts, err
		}
		out = append(out, el)
	}
	for k := range req.Prefill {
		if !used[k] {
			return out, parts, fail(ErrInvalid, CodePrefillInvalid, "prefill field %q is in no data model the first task creates", k)
		}
	}
	return out, parts, nil
}

// partElement checks one data part against its data type and streams it to the
// blob store: form data converted through the model, a binary size-limited while
// it streams. The returned row has a BlobKey whenever a blob was written.
func (s *Service) partElement(ctx context.Context, c authz.Caller, rel relT, ref Ref, p *Part, counts map[string]int,
	who string, now timeT) (store.DataElement, error) {
	dt := rel.App.Metadata.DataType(p.Name)
	if dt == nil {
		return store.DataElement{}, fail(ErrInvalid, CodeDataTypeUnknown, "the part %q names no data type of the app", p.Name)
	}
	if dt.AppLogic != nil && dt.AppLogic.DisallowUserCreate && c.Kind != authz.ServiceOwner {
		return store.DataElement{}, fail(ErrInvalid, CodeUserCreateDisallowed, "data type %s does not allow users to create elements", dt.ID)
	}
	if !ContributorAllowed(dt, c) {
		return store.DataElement{}, contributorError(dt)
	}
	if counts[dt.ID]++; dt.MaxCount > 0 && counts[dt.ID] > dt.MaxCount {
		return store.DataElement{}, fail(ErrConflict, CodeTooMany, "data type %s allows at most %d elements", dt.ID, dt.MaxCount)
	}
	if p.ContentType == "" {
		return store.DataElement{}, fail(ErrInvalid, CodeMultipartInvalid, "the part %q has no Content-Type", p.Name)
	}
	pl, err := s.content(&Snapshot{Release: rel}, dt, p.Upload, false)
	if err != nil {
		return store.DataElement{}, err
	}
	el, err := s.putElement(ctx, rel, ref, dt.ID, uuid.NewString(), pl, who, now, false)
	if err != nil {
		return store.DataElement{}, err
	}
	if el.Size == 0 && !isForm(dt) {
		return el, fail(ErrInvalid, CodeEmpty, "the part %q is empty", p.Name)
	}
	return el, nil
}
