// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"fmt"
	"io"

	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/appframework/validation"
	"github.com/blankett/blankett/runtime/internal/store"
)

// Validate runs full validation of the current task, as GET validate does. Without
// a current task it is ErrConflict: process_ended once the process has ended,
// process_not_started before it starts.
func (s *Service) Validate(ctx context.Context, snap *Snapshot, lang string) ([]validation.Issue, error) {
	task := snap.CurrentTask()
	if task == "" {
		if p := snap.Instance.Process; p != nil && p.Ended != nil {
			return nil, fail(ErrConflict, CodeProcessEnded, "the process has ended; there is no task to validate")
		}
		return nil, fail(ErrConflict, CodeProcessNotStarted, "unable to validate instance without a started process")
	}
	rel := snap.Release
	data, err := s.formData(ctx, snap)
	if err != nil {
		return nil, err
	}
	// Every form data model is readable (layouts of later tasks show earlier data);
	// the data-type rules apply to the current task's elements. Subform entries are
	// validated one by one with their own layouts, not as the task's data.
	subs := subformSets(rel.App, task)
	in := validation.Input{LayoutSet: rel.App.LayoutSetForTask(task), TaskID: task, Data: withoutTypes(data, subs),
		Language: lang, Instance: exprInstance(snap), Schema: rel.Schemas,
		OnSkip: func(err error) { s.log.Debug("validation rule skipped", "instance", snap.Instance.ID, "err", err) }}
	byType := map[string]string{}
	for _, e := range snap.elements {
		dt := rel.App.Metadata.DataType(e.DataType)
		if dt == nil || dt.TaskID != task {
			continue
		}
		in.Elements = append(in.Elements, validation.DataElement{ID: e.GUID, DataType: e.DataType,
			ContentType: e.ContentType, Filename: e.Filename, Size: e.Size})
		if _, ok := byType[e.DataType]; !ok {
			byType[e.DataType] = e.GUID
		}
	}
	issues, err := rel.Validator.Validate(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("instances: validate %s: %w", snap.Instance.ID, err)
	}
	for i := range issues {
		if issues[i].DataElementID == "" && issues[i].DataType != "" {
			issues[i].DataElementID = byType[issues[i].DataType]
		}
	}
	if len(subs) > 0 {
		more, err := s.validateSubforms(ctx, snap, in, subs)
		if err != nil {
			return nil, err
		}
		issues = append(issues, more...)
	}
	if issues == nil {
		issues = []validation.Issue{}
	}
	return issues, nil
}

// formData decodes every form data element of the instance, first element per type.
func (s *Service) formData(ctx context.Context, snap *Snapshot) (map[string]any, error) {
	out := map[string]any{}
	for _, e := range snap.elements {
		dt := snap.Release.App.Metadata.DataType(e.DataType)
		if dt == nil || !isForm(dt) {
			continue
		}
		if _, seen := out[e.DataType]; seen {
			continue
		}
		v, err := s.decodeElement(ctx, snap, e, true)
		if err != nil {
			return nil, err
		}
		out[e.DataType] = v
	}
	return out, nil
}

// FormValue reads a stored form data element into its JSON value: objects as
// map[string]any, arrays as []any, numbers as json.Number. With shared the value
// may come from, and goes into, the decoded-form cache, so the caller must not
// change it (a page render); without, it is the caller's own.
func (s *Service) FormValue(ctx context.Context, snap *Snapshot, dataGUID string, shared bool) (any, error) {
	for _, e := range snap.elements {
		if e.GUID == dataGUID {
			return s.decodeElement(ctx, snap, e, shared)
		}
	}
	return nil, fail(ErrNotFound, CodeDataNotFound, "no data element %s", dataGUID)
}

// decodeElement reads form data element e into its JSON value. With shared the
// value may come from, and goes into, the decoded-form cache, so the caller must
// not change it.
func (s *Service) decodeElement(ctx context.Context, snap *Snapshot, e store.DataElement, shared bool) (any, error) {
	f, err := s.models.get(snap.Release.App.Model(e.DataType))
	if err != nil {
		return nil, err
	}
	kind, _ := bodyKind(e.ContentType)
	key := formKey{model: f, kind: kind, blob: e.BlobKey, sha: e.SHA256}
	if shared {
		if v, ok := s.models.decoded.get(key); ok {
			return v, nil
		}
	}
	rc, _, err := s.blobs.Get(ctx, e.BlobKey, nil)
	if err != nil {
		return nil, fmt.Errorf("instances: read data element %s: %w", e.GUID, err)
	}
	defer rc.Close()
	v, err := f.decode(kind, io.Reader(rc))
	if err != nil {
		return nil, fmt.Errorf("instances: stored data element %s does not read: %w", e.GUID, err)
	}
	if shared {
		s.models.decoded.put(key, e.Size, v)
	}
	return v, nil
}

// exprInstance is the instance context expressions see.
func exprInstance(snap *Snapshot) *expr.Instance {
	in := &expr.Instance{ID: snap.Instance.ID, AppID: snap.Instance.AppID, OwnerPartyID: snap.Instance.InstanceOwner.PartyID,
		OwnerOrgNumber: snap.Instance.InstanceOwner.OrganisationNumber, OwnerPersonNumber: snap.Instance.InstanceOwner.PersonNumber}
	for _, e := range snap.elements {
		in.DataTypes = append(in.DataTypes, e.DataType)
	}
	return in
}

// gatewayEval decides gateway conditions over the instance's form data.
func (s *Service) gatewayEval(rel relT, snap *Snapshot, data map[string]any) process.GatewayEval {
	if data == nil {
		data = map[string]any{}
	}
	env := rel.App.Env(&expr.JSONData{Default: rel.App.Metadata.DefaultFormType(), Models: data}, "")
	if snap != nil {
		env.Instance = exprInstance(snap)
	}
	return process.ExprEval{Env: env, TaskDataType: func(task string) string {
		if ls := rel.App.LayoutSetForTask(task); ls != nil {
			return ls.DataType
		}
		return ""
	}}
}
