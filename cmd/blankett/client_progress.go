// SPDX-License-Identifier: MIT

package main

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress is the download's byte bar on a terminal, and nothing otherwise.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress draws on w only when w is a terminal.
func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions64(0, progressbar.OptionSetWriter(w),
		progressbar.OptionShowBytes(true), progressbar.OptionSetDescription("downloading"),
		progressbar.OptionShowCount(), progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish(), progressbar.OptionOnCompletion(func() { _, _ = io.WriteString(w, "\n") }))}
}

// expect adds n bytes to the total.
func (p *progress) expect(n int64) {
	if p.bar != nil {
		p.bar.ChangeMax64(p.bar.GetMax64() + n)
	}
}

// add counts n bytes done.
func (p *progress) add(n int64) {
	if p.bar != nil {
		_ = p.bar.Add64(n)
	}
}

// done removes the bar.
func (p *progress) done() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
