// SPDX-License-Identifier: MIT

package instances

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// PDFDataType is the data type of generated PDF receipts, as in Altinn: read-only
// through the API, written only by the PDF job.
const PDFDataType = "ref-data-as-pdf"

// TopicPDF is the outbox topic of PDF jobs; each message's Ref is the instance GUID,
// so the receipt page can tell that a PDF is still being made.
const TopicPDF = "pdf"

// CodePDFReadOnly is the 403 of a write to a generated PDF element.
const CodePDFReadOnly = "pdf_element_read_only"

// pdfNamespace seeds the ids of PDF elements (see PDFJob.ElementID).
var pdfNamespace = uuid.MustParse("6b1f3c0e-5d7a-4f55-9a43-2a0c3f1e9d21")

// PDFJob is the payload of a TopicPDF message: the receipt of one pass through a
// task of one instance, in the language of the request that ended it.
type PDFJob struct {
	Org     string `json:"org"`
	App     string `json:"app"`
	PartyID int64  `json:"partyId"`
	GUID    string `json:"instanceGuid"`
	TaskID  string `json:"taskId"`
	// Flow is the ended task's flow number, so that a task done again (after a
	// reject) makes a new PDF while a retried job makes none.
	Flow     int    `json:"flow"`
	Language string `json:"language,omitempty"`
	// FilenameKey is the text resource naming the file (a pdf service task's
	// filenameTextResourceKey); without it the app's title does.
	FilenameKey string `json:"filenameKey,omitempty"`
	// Tasks are the tasks whose form data the PDF shows: the ended task, or a pdf
	// service task's autoPdfTaskIds. The first with a layout set the instance has
	// data for is printed; none (jobs queued before this field) prints the first
	// task's set.
	Tasks []string `json:"tasks,omitempty"`
}

// Ref is the instance of the job.
func (j PDFJob) Ref() Ref { return Ref{Org: j.Org, App: j.App, PartyID: j.PartyID, GUID: j.GUID} }

// ElementID is the id of the job's data element: derived from the instance, task
// and flow, so a retried or doubly claimed job finds the element it already made
// and a second insert of it fails on the primary key.
func (j PDFJob) ElementID() string {
	return uuid.NewSHA1(pdfNamespace, []byte(j.GUID+"/"+j.TaskID+"/"+strconv.Itoa(j.Flow))).String()
}

// PDFOnTaskEnd reports whether ending task taskID makes a PDF receipt, by
// app-lib-dotnet v8's rule at the end of any task (PdfServiceTaskLegacy): some data
// type bound to the task is a form data model (appLogic.classRef) whose
// enablePdfCreation is not false, and the instance holds an element of it (held
// lists the data types of its elements). Unlike Altinn, which would fail the task
// end when Storage refuses the element, an app that declares no ref-data-as-pdf
// type gets no PDF. Apps on the v9 model make theirs in pdf service tasks instead
// (runServiceTasks).
func PDFOnTaskEnd(meta *app.Metadata, taskID string, held []string) bool {
	if meta == nil || taskID == "" || meta.DataType(PDFDataType) == nil {
		return false
	}
	for _, dt := range meta.DataTypes {
		if dt.TaskID != taskID || !isForm(dt) || (dt.EnablePdfCreation != nil && !*dt.EnablePdfCreation) {
			continue
		}
		for _, h := range held {
			if h == dt.ID {
				return true
			}
		}
	}
	return false
}

// pdfJob returns the PDF job of ending task (a copy of the ended task's info) of
// snap, or nil when the task makes none or PDFs are off. An app whose process has
// pdf service tasks (Altinn v9's model) makes its PDFs there only.
func (s *Service) pdfJob(snap *Snapshot, ended ProcessElementInfo, lang string) *PDFJob {
	if s.noPDF {
		return nil
	}
	held := make([]string, 0, len(snap.elements))
	for _, e := range snap.elements {
		held = append(held, e.DataType)
	}
	if pdfServiceTasks(snap.Release.Process) || !PDFOnTaskEnd(snap.Release.App.Metadata, ended.ElementID, held) {
		return nil
	}
	return newPDFJob(snap, ended, lang, []string{ended.ElementID})
}

// newPDFJob is the job of the PDF of pass, a pass through a task as it ends,
// printing the first of tasks with a layout set.
func newPDFJob(snap *Snapshot, pass ProcessElementInfo, lang string, tasks []string) *PDFJob {
	return &PDFJob{Org: snap.Release.Org, App: snap.Release.Name, PartyID: snap.row.PartyID, GUID: snap.row.GUID,
		TaskID: pass.ElementID, Flow: pass.Flow, Language: lang, Tasks: tasks}
}

// enqueuePDF queues job in w, the process change.
func enqueuePDF(w *store.Writes, job *PDFJob) error {
	payload, err := json.Marshal(job)
	if err != nil {
		return fmt.Errorf("instances: marshal pdf job: %w", err)
	}
	w.Enqueue(TopicPDF, job.GUID, payload)
	return nil
}

// PDFPending reports whether a PDF job of the instance is queued or being retried.
func (s *Service) PDFPending(ctx context.Context, snap *Snapshot) (bool, error) {
	return s.st.HasPending(ctx, snap.row.GUID, TopicPDF)
}

// PDFElement returns the newest generated PDF of the instance, or nil.
func (s *Snapshot) PDFElement() *DataElement {
	var out *DataElement
	for i := range s.Instance.Data {
		if d := &s.Instance.Data[i]; d.DataType == PDFDataType && (out == nil || !d.Created.Before(out.Created)) {
			out = d
		}
	}
	return out
}

// StorePDF stores content as job's PDF element of snap's instance, created by the
// app's owner: the blob first, then in one transaction the row, the instance's
// changed time and its audit event. A receipt of an earlier pass through the same
// task (a task done again after a reject) is deleted in the same transaction, as
// app lib removes the elements generated from a task, so the instance holds one
// receipt per task. It reports false, and stores nothing, when the element exists
// already (a retried job). A concurrent change of the instance is retried on a
// fresh read.
func (s *Service) StorePDF(ctx context.Context, snap *Snapshot, job PDFJob, content []byte) (bool, error) {
	id := job.ElementID()
	if _, err := snap.Element(id); err == nil {
		return false, nil
	}
	rel := snap.Release
	owner := authz.Caller{Kind: authz.ServiceOwner, Org: rel.Org}
	who, now := by(owner), s.clock()
	el, err := s.putElement(ctx, rel, job.Ref(), PDFDataType, id,
		payload{ct: "application/pdf", filename: PDFFilename(rel, job.Language, job.FilenameKey), body: bytes.NewReader(content)}, who, now, true)
	if err != nil {
		return false, err
	}
	var replaced []store.DataElement
	for attempt := 0; ; attempt++ {
		el.InstanceID = snap.row.ID
		replaced = earlierReceipts(snap, job)
		err = s.st.Tx(ctx, func(tx *store.Store) error {
			if err := saveDoc(ctx, tx, snap, who, now); err != nil {
				return err
			}
			// The element's id is the job's: a second run's insert is ErrDuplicate.
			if _, err := tx.CreateDataElement(ctx, el); err != nil {
				return err
			}
			for _, old := range replaced {
				if err := tx.DeleteDataElement(ctx, snap.row.GUID, old.GUID); err != nil {
					return err
				}
				if err := s.dataEvent(ctx, tx, owner, snap, EventDeleted, old.GUID); err != nil {
					return err
				}
			}
			return s.dataEvent(ctx, tx, owner, snap, EventCreated, id)
		})
		if errors.Is(err, ErrConflict) && attempt < 3 {
			if snap, err = s.Get(ctx, job.Ref()); err != nil {
				break
			}
			continue
		}
		break
	}
	if err != nil {
		s.dropBlobs([]store.DataElement{el})
		if errors.Is(err, store.ErrDuplicate) {
			return false, nil
		}
		return false, err
	}
	s.dropBlobs(replaced)
	return true, nil
}

// earlierReceipts are the PDF elements snap holds from earlier passes through
// job's task: their ids are derived from the task and the pass's flow number
// (PDFJob.ElementID), so each earlier flow names its receipt.
func earlierReceipts(snap *Snapshot, job PDFJob) []store.DataElement {
	earlier := make(map[string]bool, max(job.Flow-1, 0))
	for f := 1; f < job.Flow; f++ {
		earlier[PDFJob{GUID: job.GUID, TaskID: job.TaskID, Flow: f}.ElementID()] = true
	}
	var out []store.DataElement
	for _, e := range snap.elements {
		if e.DataType == PDFDataType && earlier[e.GUID] {
			out = append(out, e)
		}
	}
	return out
}

// PDFFilename is the file name of a PDF receipt: the text key names in lang (a pdf
// service task's filenameTextResourceKey) when it has one, else the app's title in
// lang (nb, nn, en, then the app id); with ".pdf", without characters file
// systems refuse.
func PDFFilename(rel relT, lang, key string) string {
	title := rel.ID
	for _, l := range []string{lang, "nb", "nn", "en"} {
		if t := strings.TrimSpace(rel.App.Metadata.Title[l]); t != "" {
			title = t
			break
		}
	}
	if key != "" {
		if r, ok := rel.App.TextSource(lang).Text(key); ok && strings.TrimSpace(r.Value) != "" {
			title = strings.TrimSpace(r.Value)
			if strings.HasSuffix(strings.ToLower(title), ".pdf") {
				title = title[:len(title)-len(".pdf")]
			}
		}
	}
	title = strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, title)
	return title + ".pdf"
}

// pdfServiceTasks reports whether def has a pdf service task.
func pdfServiceTasks(def *process.Definition) bool {
	if def == nil {
		return false
	}
	for _, e := range def.Elements { // not Tasks(), which copies: this runs on every process/next
		if e.Task != nil && e.Task.Type == process.TaskPDF {
			return true
		}
	}
	return false
}
