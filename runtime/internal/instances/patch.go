// SPDX-License-Identifier: MIT

package instances

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/blankett/blankett/appframework/validation"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
)

// ElementPatch is one entry of Altinn's DataPatchRequestMultiple.patches.
type ElementPatch struct {
	DataElementID string `json:"dataElementId"`
	Patch         Patch  `json:"patch"`
}

// DataModelPair is a form data element's model after a patch.
type DataModelPair struct {
	DataElementID string `json:"dataElementId"`
	Data          any    `json:"data"`
}

// ValidationSourcePair groups validation issues by their source, as Altinn's
// patch responses do.
type ValidationSourcePair struct {
	Source string             `json:"source"`
	Issues []validation.Issue `json:"issues"`
}

// PatchResult is what a patch changed: the instance, every patched model and the
// validation issues of the current task afterwards.
type PatchResult struct {
	Instance         *Instance
	NewDataModels    []DataModelPair
	ValidationIssues []ValidationSourcePair
}

// patched is one element's new content, written to the blob store, not yet committed.
type patched struct {
	cur *DataElement
	// old is the key of the content being replaced.
	old string
	row store.DataElement
	val any
}

// PatchData applies JSON Patches (RFC 6902) to form data elements, all or nothing:
// each element's model is read, patched, converted to its stored content type
// and read back through the model, then every new blob is written and every row
// replaced in one transaction with Saved events. A failed test op is ErrConflict
// (patch_test_failed, Altinn's optimistic concurrency) and nothing is stored; a
// malformed patch, or one whose result does not fit the model, is
// ErrUnprocessable. Afterwards the current task is validated; issues of the
// sources in ignored are left out. The caller has been authorised for write on each
// element's data type.
func (s *Service) PatchData(ctx context.Context, c authz.Caller, snap *Snapshot, patches []ElementPatch, ignored []string, lang string) (*PatchResult, error) {
	if len(patches) == 0 {
		return nil, fail(ErrInvalid, CodePatchInvalid, "the request holds no patches")
	}
	if err := snap.writable(); err != nil {
		return nil, err
	}
	now, who := s.clock(), by(c)
	ref := Ref{Org: snap.Release.Org, App: snap.Release.Name, PartyID: snap.row.PartyID, GUID: snap.row.GUID}
	var done []patched
	drop := func() {
		for _, p := range done {
			s.dropBlobs([]store.DataElement{p.row})
		}
	}
	for i, ep := range patches {
		if slices.ContainsFunc(patches[:i], func(o ElementPatch) bool { return o.DataElementID == ep.DataElementID }) {
			drop()
			return nil, fail(ErrInvalid, CodePatchInvalid, "data element %s is patched twice in one request", ep.DataElementID)
		}
		p, err := s.patchOne(ctx, c, snap, ref, ep, who, now)
		if err != nil {
			drop()
			return nil, err
		}
		done = append(done, p)
	}
	// One change (store.Writes: one round trip on PostgreSQL): the instance,
	// every patched element and their Saved events.
	stageDoc(snap, who, now)
	w := s.st.Writes()
	w.UpdateInstance(&snap.row)
	audit := make([]store.InstanceEvent, 0, len(done))
	for i := range done {
		w.ReplaceDataElement(&done[i].row)
		audit = append(audit, s.dataEventRow(c, snap, EventSaved, done[i].row.GUID))
	}
	w.WriteEvents(store.EventWrite{Audit: audit})
	err := saved(snap, w.Commit(ctx))
	if err != nil {
		drop()
		return nil, err
	}
	res := &PatchResult{}
	for _, p := range done {
		s.dropBlobs([]store.DataElement{{BlobKey: p.old}})
		res.NewDataModels = append(res.NewDataModels, DataModelPair{DataElementID: p.row.GUID, Data: p.val})
	}
	after, err := committed(ref, snap, done)
	if err != nil {
		return nil, err
	}
	res.Instance = after.Instance
	issues, err := s.Validate(ctx, after, lang)
	if err != nil && !errors.Is(err, ErrConflict) {
		return nil, err
	}
	res.ValidationIssues = bySource(issues, ignored)
	return res, nil
}

// committed is the snapshot as the transaction left it, built like Instantiate's
// answer (see assemble) instead of read back: saveDoc updated snap.row in place,
// and each patched element takes the columns ReplaceDataElement wrote.
func committed(ref Ref, snap *Snapshot, done []patched) (*Snapshot, error) {
	els := slices.Clone(snap.elements)
	for _, p := range done {
		i := slices.IndexFunc(els, func(e store.DataElement) bool { return e.GUID == p.row.GUID })
		if i < 0 {
			return nil, fmt.Errorf("instances: patched data element %s is not in %s", p.row.GUID, ref.ID())
		}
		e := &els[i]
		e.ContentType, e.Filename, e.Size, e.SHA256, e.BlobKey = p.row.ContentType, p.row.Filename, p.row.Size, p.row.SHA256, p.row.BlobKey
		e.LastChanged, e.LastChangedBy, e.Document = p.row.LastChanged, p.row.LastChangedBy, p.row.Document
	}
	return assemble(ref, snap.Release, snap.row, els)
}

func (s *Service) patchOne(ctx context.Context, c authz.Caller, snap *Snapshot, ref Ref, ep ElementPatch, who string, now timeT) (patched, error) {
	cur, err := snap.Element(ep.DataElementID)
	if err != nil {
		return patched{}, err
	}
	dt, err := snap.DataType(cur.DataType)
	if err != nil {
		return patched{}, err
	}
	if !isForm(dt) {
		return patched{}, fail(ErrInvalid, CodeNotFormData, "data element %s is not form data; only form data is patched", cur.ID)
	}
	if !ContributorAllowed(dt, c) {
		return patched{}, contributorError(dt)
	}
	if cur.Locked {
		return patched{}, fail(ErrConflict, CodeLocked, "data element %s is locked", cur.ID)
	}
	v, err := s.FormValue(ctx, snap, cur.ID, false)
	if err != nil {
		return patched{}, err
	}
	nv, err := ep.Patch.Apply(v)
	switch {
	case errors.Is(err, ErrPatchTest):
		return patched{}, &Error{Kind: ErrConflict, Code: CodePatchTestFailed, Title: "Precondition in patch failed", Detail: err.Error()}
	case err != nil:
		return patched{}, fail(ErrUnprocessable, CodePatchInvalid, "%v", err)
	}
	f, err := s.models.get(snap.Release.App.Model(dt.ID))
	if err != nil {
		return patched{}, err
	}
	kind, _ := bodyKind(cur.ContentType)
	body, err := f.encode(cur.ContentType, nv)
	if err == nil {
		nv, err = f.decode(kind, bytes.NewReader(body))
	}
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return patched{}, fail(ErrUnprocessable, CodePatchInvalid, "the patched data does not fit the model: %s", e.Detail)
		}
		return patched{}, err
	}
	p := payload{ct: cur.ContentType, filename: cur.Filename, body: bytes.NewReader(body), form: f, value: nv}
	el, err := s.putElement(ctx, snap.Release, ref, dt.ID, cur.ID, p, who, now, true)
	if err != nil {
		return patched{}, err
	}
	// nv is what decoding the new blob gives, so validation afterwards takes it
	// from the decoded-form cache instead of reading the blob back. The response
	// shares it and is only marshalled.
	s.remember(p, el)
	d := *cur
	d.Size, d.ContentHash, d.LastChanged, d.LastChangedBy = el.Size, el.SHA256, now, who
	row := store.DataElement{GUID: cur.ID, InstanceGUID: snap.row.GUID, ContentType: cur.ContentType, Filename: cur.Filename,
		Size: el.Size, SHA256: el.SHA256, BlobKey: el.BlobKey, LastChangedBy: who, Document: mustJSON(d)}
	return patched{cur: cur, old: snap.blobKey(cur.ID), row: row, val: nv}, nil
}

// bySource groups issues by source in first-seen order, leaving out ignored sources.
func bySource(issues []validation.Issue, ignored []string) []ValidationSourcePair {
	out := []ValidationSourcePair{}
	at := map[string]int{}
	for _, is := range issues {
		if slices.Contains(ignored, is.Source) {
			continue
		}
		i, ok := at[is.Source]
		if !ok {
			i = len(out)
			at[is.Source] = i
			out = append(out, ValidationSourcePair{Source: is.Source})
		}
		out[i].Issues = append(out[i].Issues, is)
	}
	return out
}
