// SPDX-License-Identifier: MIT

package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Defaults of PrinterOptions.
const (
	DefaultTimeout  = 30 * time.Second // Altinn's PDF generator gives a page about as long
	DefaultParallel = 2
)

// A4 in inches, and the margin around the page's content (1.5 cm).
const (
	a4Width, a4Height = 8.27, 11.69
	margin            = 0.59
)

// errPrinterClosed is Print after Close.
var errPrinterClosed = errors.New("pdf: printer closed")

// PrinterOptions configure a Printer. Chromium is required.
type PrinterOptions struct {
	// Chromium is the browser binary (see FindChromium).
	Chromium string
	// Timeout bounds one print, from opening the tab to the last byte; 0 is
	// DefaultTimeout.
	Timeout time.Duration
	// Parallel bounds the tabs printing at once; 0 is DefaultParallel.
	Parallel int
}

// Printer prints HTML documents to PDF in a headless Chromium that it starts on
// the first print and keeps, restarting it when it has died. It is safe for
// concurrent use.
type Printer struct {
	exe     string
	timeout time.Duration
	slots   chan struct{}

	mu      sync.Mutex
	closed  bool
	browser context.Context // the browser's chromedp context; nil until started
	stop    func()          // stops the browser
}

// NewPrinter returns a Printer; it starts no process until the first Print.
func NewPrinter(o PrinterOptions) *Printer {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Parallel <= 0 {
		o.Parallel = DefaultParallel
	}
	return &Printer{exe: o.Chromium, timeout: o.Timeout, slots: make(chan struct{}, o.Parallel)}
}

// Print renders doc, a complete HTML document, in a new tab and prints it on A4
// as a tagged PDF. It waits for a free tab while Parallel prints run.
func (p *Printer) Print(ctx context.Context, doc []byte) ([]byte, error) {
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-p.slots }()
	bctx, err := p.start()
	if err != nil {
		return nil, err
	}
	out, err := p.print(ctx, bctx, doc)
	if err != nil && ctx.Err() == nil && !p.alive(bctx) {
		p.restart(bctx)
	}
	return out, err
}

// print prints doc in a new tab of the browser bctx.
func (p *Printer) print(ctx, bctx context.Context, doc []byte) ([]byte, error) {
	tab, closeTab := chromedp.NewContext(bctx)
	defer closeTab()
	// The tab closes when the job ends or its time is up, which fails whatever it
	// is doing; the tab's own context carries no deadline (see chromedp.Run).
	jctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	defer context.AfterFunc(jctx, closeTab)()
	var out []byte
	err := chromedp.Do(tab,
		chromedp.Navigate("about:blank"),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			tree, err := cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
			if err != nil {
				return err
			}
			_, err = cdp.Call(ctx, t, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: string(doc)})
			return err
		}),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			on, m := true, margin
			res, err := cdp.Call(ctx, t, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: a4Width, PaperHeight: a4Height,
				MarginTop: &m, MarginBottom: &m, MarginLeft: &m, MarginRight: &m,
				PrintBackground: &on, GenerateTaggedPDF: &on, GenerateDocumentOutline: &on})
			out = res.Data
			return err
		}),
	)
	switch {
	case jctx.Err() != nil && ctx.Err() == nil:
		return nil, fmt.Errorf("pdf: print: timed out after %s", p.timeout)
	case err != nil:
		return nil, fmt.Errorf("pdf: print: %w", err)
	case len(out) == 0:
		return nil, errors.New("pdf: print: chromium returned no data")
	}
	return out, nil
}

// start returns the running browser's context, starting Chromium if it is not
// running.
func (p *Printer) start() (context.Context, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, errPrinterClosed
	}
	if p.browser != nil && p.browser.Err() == nil {
		return p.browser, nil
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(p.exe),
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("mute-audio", true),
	)
	if os.Geteuid() == 0 {
		// Chromium refuses to run as root inside its sandbox (containers often do).
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	// The first run starts the process and binds it to bctx: no deadline on it.
	if err := chromedp.Do(bctx); err != nil {
		bcancel()
		acancel()
		return nil, fmt.Errorf("pdf: start %s: %w", p.exe, err)
	}
	p.browser, p.stop = bctx, func() { bcancel(); acancel() }
	return bctx, nil
}

// alive asks the browser bctx for its version: a browser that does not answer
// within seconds is taken for dead.
func (p *Printer) alive(bctx context.Context) bool {
	if bctx.Err() != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(bctx, 5*time.Second)
	defer cancel()
	_, err := chromedp.CallBrowser(ctx, browser.GetVersion, cdp.Empty{})
	return err == nil
}

// restart stops the browser bctx, if it is still the current one, so that the
// next print starts a new one.
func (p *Printer) restart(bctx context.Context) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.browser == bctx && p.stop != nil {
		p.stop()
		p.browser, p.stop = nil, nil
	}
}

// Close stops the browser; prints in flight fail and later ones are refused.
func (p *Printer) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	if p.stop != nil {
		p.stop()
		p.browser, p.stop = nil, nil
	}
}
