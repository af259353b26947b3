// SPDX-License-Identifier: MIT

package pdf

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/store"
)

// ErrNotPDF means the printer returned something that is not a PDF; the job is
// retried.
var ErrNotPDF = errors.New("pdf: printer output is not a PDF")

// run does job m: it reports whether it stored a PDF. An instance that is gone,
// or that holds the job's element already, is done without printing.
func (w *Worker) run(ctx context.Context, m store.OutboxMessage) (bool, error) {
	var job instances.PDFJob
	if err := json.Unmarshal([]byte(m.Payload), &job); err != nil || job.GUID == "" || job.TaskID == "" {
		// Retrying cannot mend it; complete it and say so.
		w.log.Error("pdf: unreadable job dropped", "job", m.ID, "err", err)
		return false, nil
	}
	return w.Do(ctx, job)
}

// Do makes job's PDF unless the instance has it already, and reports whether it
// stored one. A deleted instance has nothing to do.
func (w *Worker) Do(ctx context.Context, job instances.PDFJob) (bool, error) {
	snap, err := w.svc.Get(ctx, job.Ref())
	if errors.Is(err, instances.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if _, err := snap.Element(job.ElementID()); err == nil {
		return false, nil
	}
	lang := job.Language
	if lang == "" {
		lang = "nb"
	}
	doc, err := w.render.PrintDocument(ctx, snap, lang, job.Tasks)
	if err != nil {
		return false, fmt.Errorf("pdf: render %s: %w", job.Ref().ID(), err)
	}
	out, err := w.printer.Print(ctx, doc)
	if err != nil {
		return false, err
	}
	if !bytes.HasPrefix(out, []byte("%PDF-")) {
		return false, ErrNotPDF
	}
	return w.svc.StorePDF(ctx, snap, job, out)
}
