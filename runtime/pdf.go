// SPDX-License-Identifier: MIT

package runtime

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/runtime/internal/instances"
	"github.com/blankett/blankett/runtime/internal/pdf"
	"github.com/blankett/blankett/runtime/internal/store"
)

// pdfChromium resolves --pdf-chromium: the Chromium that prints PDF receipts, ""
// when none is found on PATH, and off when the operator turned receipts off. A
// Chromium named in the configuration that is not there stops start-up.
func (r *Role) pdfChromium(log *slog.Logger) (exe string, off bool, err error) {
	if strings.EqualFold(strings.TrimSpace(r.cfg.PDFChromium), pdf.Off) {
		log.Info("PDF receipts off (--pdf-chromium off): no PDF jobs are queued")
		return "", true, nil
	}
	exe, err = pdf.FindChromium(r.cfg.PDFChromium)
	switch {
	case errors.Is(err, pdf.ErrNoChromium):
		// Queue and wait rather than drop: nothing is lost, and a replica (or a
		// restart) with Chromium makes the PDFs that are waiting.
		log.Info("PDF receipts: no Chromium on PATH; PDF jobs are queued and wait in the outbox until a runtime with Chromium runs (set --pdf-chromium, or --pdf-chromium off)")
		return "", false, nil
	case err != nil:
		return "", false, err
	}
	log.Info("PDF receipts printed with Chromium", "chromium", exe)
	return exe, false, nil
}

// pdfNudge lets the instance service nudge the PDF worker that is built after it.
type pdfNudge struct{ w *pdf.Worker }

func (n *pdfNudge) nudge() {
	if n.w != nil {
		n.w.Nudge()
	}
}

// startPDF runs the PDF worker with a printer on exe until shutdown, unless there
// is no Chromium or the platform runs no workers (Deps built by hand in tests):
// then jobs wait in the outbox.
func (r *Role) startPDF(deps platform.Deps, st *store.Store, svc *instances.Service, render pdf.Renderer, exe string, n *pdfNudge) {
	log := deps.Log.With(slog.String("role", "runtime"), slog.String("worker", "pdf"))
	if exe == "" {
		return
	}
	if deps.Go == nil {
		log.Info("PDF worker off: no platform workers")
		return
	}
	printer := pdf.NewPrinter(pdf.PrinterOptions{Chromium: exe, Timeout: r.cfg.PDFTimeout, Parallel: r.cfg.PDFParallel})
	n.w = pdf.NewWorker(pdf.Options{Store: st, Service: svc, Renderer: render, Printer: printer, Log: log,
		Timeout: r.cfg.PDFTimeout, Parallel: r.cfg.PDFParallel})
	w := n.w
	deps.Go(func(ctx context.Context) {
		defer printer.Close()
		w.Run(ctx)
	})
}
