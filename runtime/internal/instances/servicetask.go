// SPDX-License-Identifier: MIT

package instances

import (
	"fmt"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/runtime/internal/store"
)

// maxServiceTasks bounds the service tasks one process/next runs through, so a
// loop of them in a broken process cannot spin.
const maxServiceTasks = 16

// passage is what process/next did on its way from the task it ended to where the
// process now rests: the steps it took, the audit events of the tasks it started
// and ended on the way, and the PDF jobs they queued.
type passage struct {
	steps []process.Step
	audit []store.InstanceEvent
	pdfs  []*PDFJob
}

// runServiceTasks runs the pdf service tasks step arrives at (Altinn v9's
// PDFs): each starts and ends at once, queues the PDF of its pass, and the
// process leaves it as by "write", through any gateways. p (moved to step by the
// caller) ends where the process rests. Other service task types (eFormidling,
// subformPdf, fiksArkiv) need integrations this runtime has not got; the
// process rests at them until a service owner moves it on.
func (s *Service) runServiceTasks(snap *Snapshot, p *ProcessState, step process.Step, eval process.GatewayEval,
	user string, lang string, now timeT) (passage, error) {
	out := passage{steps: []process.Step{step}}
	for !step.Ended() && step.To.Task != nil && step.To.Task.Type == process.TaskPDF {
		if len(out.steps) > maxServiceTasks {
			return out, fmt.Errorf("instances: more than %d service tasks in a row from %s", maxServiceTasks, step.To.ID)
		}
		done := endCurrent(p, now)
		out.audit = append(out.audit, auditEvent(snap.row, EventProcessStartTask, now, user, p), // marshalled now
			auditEvent(snap.row, EventProcessEndTask, now, user, done))
		if !s.noPDF && snap.Release.App.Metadata.DataType(PDFDataType) != nil {
			job := newPDFJob(snap, *done.CurrentTask, lang, nil)
			if cfg := step.To.Task.PDF; cfg != nil {
				job.FilenameKey, job.Tasks = cfg.FilenameTextResourceKey, cfg.AutoPDFTaskIDs
			}
			out.pdfs = append(out.pdfs, job)
		}
		next, err := snap.Release.Process.Next(step.To.ID, process.ActionWrite, eval)
		if err != nil {
			return out, fmt.Errorf("instances: leave service task %s: %w", step.To.ID, err)
		}
		moveTo(p, next, now)
		step = next
		out.steps = append(out.steps, step)
	}
	return out, nil
}

// last is the step that leaves the process where it rests.
func (p passage) last() process.Step { return p.steps[len(p.steps)-1] }

// eventTypes are the CloudEvent types of the steps, in order.
func (p passage) eventTypes() []string {
	out := make([]string, len(p.steps))
	for i, st := range p.steps {
		out[i] = stepEvent(st)
	}
	return out
}

// endCurrent is p as its current task ends at now: a copy, with a copy of the
// task's info, so moving p on changes neither.
func endCurrent(p *ProcessState, now timeT) *ProcessState {
	ended := *p.CurrentTask
	ended.Ended = &now
	out := *p
	out.CurrentTask = &ended
	return &out
}
