// SPDX-License-Identifier: MIT

package browser

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// EnvChromium names the Chromium binary the tests drive.
const EnvChromium = "BLANKETT_TEST_CHROMIUM"

// Options tune New; the zero value is a JavaScript-enabled 1280×900 tab with a
// 20 s limit per step.
type Options struct {
	// NoJavaScript disables script execution in the tab before the first page.
	NoJavaScript bool
	// Timeout bounds each helper call (0: 20 s).
	Timeout time.Duration
	// Width and Height of the viewport (0: 1280×900).
	Width, Height int64
	// AllowExceptions keeps uncaught page exceptions from failing the test.
	AllowExceptions bool
}

// Browser is one headless Chromium with one tab, owned by one test. It is not
// safe for concurrent use: a tab runs one step at a time.
type Browser struct {
	t       testing.TB
	ctx     context.Context
	timeout time.Duration
	noJS    bool

	mu       sync.Mutex
	messages []chromedp.ConsoleMessage
}

type ctxKey struct{}

// New starts Chromium for t with the default Options, or skips t when
// $BLANKETT_TEST_CHROMIUM is unset.
func New(t testing.TB) *Browser { return NewWith(t, Options{}) }

// NewWith starts Chromium for t with o, or skips t when $BLANKETT_TEST_CHROMIUM
// is unset. The browser stops when the test ends.
func NewWith(t testing.TB, o Options) *Browser {
	t.Helper()
	exe := os.Getenv(EnvChromium)
	if exe == "" {
		t.Skip(EnvChromium + " not set: browser tests skipped")
	}
	if o.Timeout <= 0 {
		o.Timeout = 20 * time.Second
	}
	if o.Width <= 0 || o.Height <= 0 {
		o.Width, o.Height = 1280, 900
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(int(o.Width), int(o.Height)),
	)
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	b := &Browser{t: t, timeout: o.Timeout, noJS: o.NoJavaScript}
	ctx = context.WithValue(ctx, ctxKey{}, b)
	b.ctx = ctx
	// The first Run starts the browser and binds it to ctx, so it has no timeout.
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		acancel()
		t.Fatalf("browser: start %s: %v", exe, err)
	}
	messages := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.messages = append(b.messages, m)
			b.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		cancel()
		acancel()
		<-done
		if o.AllowExceptions {
			return
		}
		for _, m := range b.ConsoleErrors() {
			if m.IsException() {
				t.Errorf("browser: uncaught exception in the page: %s (%s:%d)", m.Text, m.URL, m.Line+1)
			}
		}
	})
	b.step("viewport", chromedp.EmulateViewport(o.Width, o.Height))
	if o.NoJavaScript {
		b.setScripts(false)
	}
	return b
}

// Context is the tab's chromedp context, for chromedp actions the helpers do not
// cover and for Axe. It carries no per-step time limit.
func (b *Browser) Context() context.Context { return b.ctx }

// JavaScript reports whether scripts run in the tab.
func (b *Browser) JavaScript() bool { return !b.noJS }

func (b *Browser) setScripts(on bool) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, b.timeout)
	defer cancel()
	if err := scripts(ctx, on); err != nil {
		b.t.Fatalf("browser: switch scripts: %v", err)
	}
}

// step runs a within the per-step time limit and fails the test on error.
func (b *Browser) step(what string, a chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if _, err := run(b, a); err != nil {
		b.t.Fatalf("browser: %s at %s: %v", what, b.location(), err)
	}
}

// run runs a within the per-step time limit.
func run[T any](b *Browser, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, b.timeout)
	defer cancel()
	return chromedp.Run(ctx, a)
}

// location is the tab's URL for error messages, or "?" when it cannot be read.
func (b *Browser) location() string {
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
	defer cancel()
	u, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return "?"
	}
	return u
}

// Navigate loads url and waits for the page's load event.
func (b *Browser) Navigate(url string) {
	b.t.Helper()
	b.step("navigate to "+url, chromedp.Navigate(url))
}

// URL is the tab's current URL.
func (b *Browser) URL() string {
	b.t.Helper()
	u, err := run(b, chromedp.Location())
	if err != nil {
		b.t.Fatalf("browser: location: %v", err)
	}
	return u
}

// Title is the document's title.
func (b *Browser) Title() string {
	b.t.Helper()
	s, err := run(b, chromedp.Title())
	if err != nil {
		b.t.Fatalf("browser: title at %s: %v", b.location(), err)
	}
	return s
}

// Click clicks the first visible element matching sel and does not wait for a
// navigation: use it for buttons the page's script handles.
func (b *Browser) Click(sel string) {
	b.t.Helper()
	b.step("click "+sel, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
}

// ClickNav clicks the element matching sel and waits until the page it leads to
// has loaded (a link, or a submit button of a form posted in full). It returns
// the HTTP status of that page's document.
func (b *Browser) ClickNav(sel string) int {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, b.timeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		b.t.Fatalf("browser: click %s and wait for a page at %s: %v", sel, b.location(), err)
	}
	if resp == nil {
		return 0
	}
	return int(resp.Status)
}

// Type focuses the field matching sel and types s at the caret, without
// leaving the field (no change event yet).
func (b *Browser) Type(sel, s string) {
	b.t.Helper()
	b.step("type into "+sel, chromedp.SendKeys(chromedp.CSS(sel), s))
}

// Fill replaces the value of the text field matching sel by typing s, then
// presses Tab, so the field fires input and change as when a person moves on.
func (b *Browser) Fill(sel, s string) {
	b.t.Helper()
	b.step("select the text of "+sel, chromedp.Evaluate[chromedp.Void](
		`(()=>{const e=document.querySelector(`+jsString(sel)+`);if(!e)throw new Error("no element");e.focus();e.select&&e.select();})()`))
	// An empty s only deletes the selection.
	b.step("fill "+sel, chromedp.SendKeys(chromedp.CSS(sel), kb.Delete+s+kb.Tab))
}

// Select chooses the option with value v in the select matching sel and fires
// input and change.
func (b *Browser) Select(sel, v string) {
	b.t.Helper()
	b.step("select "+v+" in "+sel, chromedp.Evaluate[chromedp.Void](
		`(()=>{const e=document.querySelector(`+jsString(sel)+`);if(!e)throw new Error("no element");e.value=`+jsString(v)+
			`;if(e.value!==`+jsString(v)+`)throw new Error("no such option");e.dispatchEvent(new Event("input",{bubbles:true}));e.dispatchEvent(new Event("change",{bubbles:true}));})()`))
}

// Upload sets the files of the file input matching sel (absolute paths).
func (b *Browser) Upload(sel string, files ...string) {
	b.t.Helper()
	b.step("set files of "+sel, chromedp.SetUploadFiles(chromedp.CSS(sel), files, chromedp.NodeReady))
}

// Press sends keys (kb constants or text) to the focused element.
func (b *Browser) Press(keys string) {
	b.t.Helper()
	b.step("press keys", chromedp.KeyEvent(keys))
}

// WaitVisible waits until an element matching sel is visible.
func (b *Browser) WaitVisible(sel string) {
	b.t.Helper()
	b.step("wait for "+sel, chromedp.WaitVisible(chromedp.CSS(sel)))
}

// WaitGone waits until no element matches sel.
func (b *Browser) WaitGone(sel string) {
	b.t.Helper()
	b.step("wait for "+sel+" to go", chromedp.WaitNotPresent(chromedp.CSS(sel)))
}

// WaitFor polls the JavaScript expression js until it is true, or fails the
// test with what after the time limit.
// A navigation that lands while the expression is polled (a redirect after
// the page a click waited for, a script's location change) destroys the
// document it runs in; the poll then starts again in the new one.
func (b *Browser) WaitFor(what, js string) {
	b.t.Helper()
	deadline := time.Now().Add(b.timeout)
	for {
		_, err := run(b, chromedp.Poll[bool](js, chromedp.WithPollingInterval(50*time.Millisecond),
			chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			return
		}
		if !navigatedAway(err) || time.Now().After(deadline) {
			b.t.Fatalf("browser: wait until %s at %s: %v", what, b.location(), err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// navigatedAway reports whether err is the DevTools protocol's answer to an
// evaluation whose document went away under it.
func navigatedAway(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "Inspected target navigated or closed") ||
		strings.Contains(msg, "Execution context was destroyed") || strings.Contains(msg, "Cannot find context")
}

// Text is the visible text of the first element matching sel.
func (b *Browser) Text(sel string) string {
	b.t.Helper()
	s, err := run(b, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		b.t.Fatalf("browser: text of %s at %s: %v", sel, b.location(), err)
	}
	return s
}

// Value is the current value of the form field matching sel.
func (b *Browser) Value(sel string) string {
	b.t.Helper()
	s, err := run(b, chromedp.Value(chromedp.CSS(sel), chromedp.NodeReady))
	if err != nil {
		b.t.Fatalf("browser: value of %s at %s: %v", sel, b.location(), err)
	}
	return s
}

// Exists reports whether an element matches sel now, without waiting.
func (b *Browser) Exists(sel string) bool {
	b.t.Helper()
	return Eval[bool](b, `document.querySelector(`+jsString(sel)+`)!==null`)
}

// HTML is the document's outer HTML.
func (b *Browser) HTML() string {
	b.t.Helper()
	return Eval[string](b, `document.documentElement.outerHTML`)
}

// ActiveID is the id of the focused element ("" for none or one without id).
func (b *Browser) ActiveID() string {
	b.t.Helper()
	return Eval[string](b, `(document.activeElement&&document.activeElement.id)||""`)
}

// Screenshot writes a PNG of the whole page to path, for looking at a failure.
func (b *Browser) Screenshot(path string) {
	b.t.Helper()
	png, err := run(b, chromedp.FullScreenshot(90))
	if err == nil {
		err = os.WriteFile(path, png, 0o644)
	}
	if err != nil {
		b.t.Errorf("browser: screenshot: %v", err)
	}
}

// ConsoleErrors are the console errors and uncaught exceptions of the tab so far.
func (b *Browser) ConsoleErrors() []chromedp.ConsoleMessage {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []chromedp.ConsoleMessage
	for _, m := range b.messages {
		if m.IsException() || m.Type == chromedp.ConsoleError {
			out = append(out, m)
		}
	}
	return out
}

// Eval evaluates the JavaScript expression js in the page (awaiting a promise)
// and decodes its value into T, failing the test on error.
func Eval[T any](b *Browser, js string) T {
	b.t.Helper()
	v, err := run(b, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("browser: evaluate %.80q at %s: %v", js, b.location(), err)
	}
	return v
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

// fromContext is the Browser whose tab ctx is, or nil.
func fromContext(ctx context.Context) *Browser {
	b, _ := ctx.Value(ctxKey{}).(*Browser)
	return b
}

// errNoAxe reports that axe-core was not found.
var errNoAxe = errors.New("browser: axe-core not found")

// trimHTML shortens a node's HTML for a log line.
func trimHTML(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 160 {
		s = s[:157] + "..."
	}
	return s
}
