// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/appframework/validation"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
)

// NextActions returns the actions that may end the current task through
// process/next, the task type's default first; nil without a current task.
func (s *Snapshot) NextActions() []string {
	if s.Release.Process == nil {
		return nil
	}
	if t := s.Release.Process.Task(s.CurrentTask()); t != nil {
		return t.Task.ProcessActions()
	}
	return nil
}

// ProcessNext ends the current task with action ("" for the task type's default):
// it validates the task (not for reject), then follows the process to the next task
// or end event, locks the finished task's data elements, archives the instance at
// the end, records the process events and queues the ended task's PDF receipt when
// it makes one (PDFOnTaskEnd), all in one change (store.Writes: one round trip on
// PostgreSQL). The update compares the version snap was read at, so a concurrent
// change makes it ErrConflict. Blocking issues are a *ValidationError. The caller
// has been authorised for action.
func (s *Service) ProcessNext(ctx context.Context, c authz.Caller, snap *Snapshot, action, lang string) (*Snapshot, error) {
	rel, inst := snap.Release, snap.Instance
	if inst.Process == nil || inst.Process.Started == nil {
		return nil, fail(ErrConflict, CodeProcessNotStarted, "the process is not started")
	}
	task := snap.CurrentTask()
	if task == "" || rel.Process == nil {
		return nil, fail(ErrConflict, CodeProcessEnded, "the process has ended")
	}
	if err := snap.writable(); err != nil { // soft-deleted: in the recycle bin, not to be submitted
		return nil, err
	}
	if action != process.ActionReject {
		issues, err := s.Validate(ctx, snap, lang)
		if err != nil {
			return nil, err
		}
		if validation.Blocking(issues) {
			return nil, &ValidationError{TaskID: task, Issues: issues}
		}
	}
	data, err := s.formData(ctx, snap)
	if err != nil {
		return nil, err
	}
	step, err := rel.Process.Next(task, action, s.gatewayEval(rel, snap, data))
	switch {
	case errors.Is(err, process.ErrActionNotAllowed):
		return nil, fail(ErrConflict, CodeActionNotAllowed, "%v", err)
	case err != nil:
		return nil, gatewayError(inst.ID, task, err)
	}
	now, who := s.clock(), by(c)
	endTask := endCurrent(inst.Process, now)
	// reject abandons the task, as app lib does: no receipt, its data not
	// locked, process_AbandonTask rather than process_EndTask.
	abandon := action == process.ActionReject
	var pdf *PDFJob
	if !abandon {
		pdf = s.pdfJob(snap, *endTask.CurrentTask, lang)
	}
	moveTo(inst.Process, step, now)
	if abandon && inst.Process.CurrentTask != nil {
		inst.Process.CurrentTask.FlowType = "AbandonCurrentMoveToNext"
	}
	user := platformUser(c)
	pass, err := s.runServiceTasks(snap, inst.Process, step, s.gatewayEval(rel, snap, data), user, lang, now)
	if err != nil {
		return nil, gatewayError(inst.ID, task, err)
	}
	step = pass.last()
	var pdfs []*PDFJob
	if pdf != nil {
		pdfs = append(pdfs, pdf)
	}
	pdfs = append(pdfs, pass.pdfs...)
	var created []store.DataElement
	if !step.Ended() {
		if created, err = s.taskStartElements(ctx, snap, step.To, who, now); err != nil {
			s.dropBlobs(created)
			return nil, err
		}
	}
	if step.Ended() {
		inst.Status.IsArchived, inst.Status.Archived = true, &now
		snap.row.IsArchived, snap.row.ArchivedAt, snap.row.IsComplete = true, &now, true
		snap.row.CurrentTask = ""
	} else {
		snap.row.CurrentTask = step.To.ID
	}
	next, ended := EventProcessStartTask, EventProcessEndTask
	if step.Ended() {
		next = EventProcessEndEvent
	}
	if abandon {
		ended = EventProcessAbandon
	}
	audit := append([]store.InstanceEvent{auditEvent(snap.row, ended, now, user, endTask)}, pass.audit...)
	audit = append(audit, auditEvent(snap.row, next, now, user, inst.Process))
	if step.Ended() {
		audit = append(audit, auditEvent(snap.row, EventSubmited, now, user, inst.Process))
	}
	// els becomes the element rows as the change leaves them, so the answer is
	// built from them (see assemble) instead of read back.
	evIn := s.eventInstance(ctx, rel.Org, rel.Name, snap.row.PartyID, snap.row.GUID)
	stageDoc(snap, who, now)
	w := s.st.Writes()
	w.UpdateInstance(&snap.row)
	els := slices.Clone(snap.elements)
	for i := range els {
		e := &els[i]
		if lock := lockAfter(rel.App.Metadata.DataType(e.DataType), e.Locked, task, step, abandon); lock != e.Locked {
			w.LockDataElement(e, lock)
		}
	}
	for i := range created {
		created[i].InstanceID = snap.row.ID
		w.CreateDataElement(&created[i])
	}
	for _, job := range pdfs {
		if err = enqueuePDF(w, job); err != nil {
			break
		}
	}
	if err == nil {
		err = s.publishIn(w, evIn, now, audit, pass.eventTypes()...)
	}
	if err == nil {
		err = concurrent(snap, w.Commit(ctx))
	}
	if err != nil {
		s.dropBlobs(created)
		return nil, err
	}
	els = append(els, created...)
	s.published()
	if len(pdfs) > 0 && s.onPDF != nil {
		s.onPDF()
	}
	sortAsStored(els)
	return assemble(Ref{Org: rel.Org, App: rel.Name, PartyID: snap.row.PartyID, GUID: snap.row.GUID}, rel, snap.row, els)
}

// lockAfter is whether an element of data type dt is locked once the process
// has left task for step: the ended task's data is locked (not when the task
// was abandoned by reject), and the data of the task entered is open again (as app-lib unlocks a task's data when the task
// starts), so a form sent back by reject can be corrected.
func lockAfter(dt *app.DataType, locked bool, task string, step process.Step, abandoned bool) bool {
	if dt == nil {
		return locked
	}
	if dt.TaskID == task && !abandoned {
		locked = true
	}
	if !step.Ended() && dt.TaskID == step.To.ID {
		locked = false
	}
	return locked
}

// gatewayError says why the process cannot go on from task when a gateway's
// conditions fail on the instance's data (ErrAppLogic, gateway_failed); any
// other error is wrapped as it is.
func gatewayError(instanceID, task string, err error) error {
	if errors.Is(err, process.ErrNoPath) || errors.Is(err, process.ErrAmbiguous) || errors.Is(err, process.ErrCondition) {
		return fail(ErrAppLogic, CodeGatewayFailed, "the process cannot go on from %s: %v", task, err)
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return fmt.Errorf("instances: process next of %s: %w", instanceID, err)
}
