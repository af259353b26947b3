// SPDX-License-Identifier: MIT

package browser

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// EnvAxe names axe.min.js when it is not in designer-ui/node_modules.
const EnvAxe = "BLANKETT_TEST_AXE"

// axeRel is axe-core's script relative to the module root.
var axeRel = filepath.Join("designer-ui", "node_modules", "axe-core", "axe.min.js")

// Violation is one axe-core rule that failed on the page.
type Violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	URL    string `json:"helpUrl"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
		// Summary says what to fix on this node.
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// Blocking reports whether the violation fails a test: impact serious or critical.
func (v Violation) Blocking() bool { return v.Impact == "serious" || v.Impact == "critical" }

// String is the violation in one line per node, for test logs.
func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    %v %s", n.Target, trimHTML(n.HTML))
		if s := strings.Join(strings.Fields(n.Summary), " "); s != "" {
			fmt.Fprintf(&b, "\n      %s", s)
		}
	}
	return b.String()
}

// AxePath finds axe.min.js: $BLANKETT_TEST_AXE, else designer-ui/node_modules
// under the module root above the working directory.
func AxePath() (string, error) {
	if p := os.Getenv(EnvAxe); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%w: %s=%s: %w", errNoAxe, EnvAxe, p, err)
		}
		return p, nil
	}
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	p := filepath.Join(root, axeRel)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%w at %s (run npm ci in designer-ui)", errNoAxe, p)
	}
	return p, nil
}

// moduleRoot is the nearest directory above the working directory whose go.mod
// declares this module.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if f, err := os.Open(filepath.Join(dir, "go.mod")); err == nil {
			sc := bufio.NewScanner(f)
			mod := ""
			if sc.Scan() {
				mod = strings.TrimSpace(strings.TrimPrefix(sc.Text(), "module"))
			}
			f.Close()
			if mod == "github.com/blankett/blankett" {
				return dir, nil
			}
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", fmt.Errorf("%w: no module root above the working directory", errNoAxe)
		}
		dir = up
	}
}

// axeRun runs every rule on the document and returns the violations as JSON.
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations)`

// Violations injects axe-core into the current page of ctx (a Browser's
// Context) and returns every violation found. The script is injected on each
// call, as a navigation drops it.
func Violations(ctx context.Context) ([]Violation, error) {
	path, err := AxePath()
	if err != nil {
		return nil, err
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b := fromContext(ctx)
	if b != nil && b.noJS {
		// Axe is a script; the page's own scripts have already not run.
		if err := scripts(ctx, true); err != nil {
			return nil, err
		}
		defer func() { _ = scripts(ctx, false) }()
	}
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Run(tctx, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
		return nil, fmt.Errorf("browser: inject axe-core: %w", err)
	}
	return chromedp.Run(tctx, chromedp.Evaluate[[]Violation](axeRun, chromedp.EvalAwaitPromise))
}

// scripts switches script execution in the tab of ctx.
func scripts(ctx context.Context, on bool) error {
	return chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	}))
}

// Axe checks the current page of ctx (a Browser's Context) with axe-core: it
// logs every violation and fails t on any serious or critical one. It skips t
// when axe-core is not installed, and returns the violations.
func Axe(t testing.TB, ctx context.Context) []Violation {
	t.Helper()
	vs, err := Violations(ctx)
	if err != nil {
		if errors.Is(err, errNoAxe) {
			t.Skipf("%v", err)
		}
		t.Fatalf("browser: axe: %v", err)
	}
	where, _ := chromedp.Run(ctx, chromedp.Location())
	for _, v := range vs {
		if v.Blocking() {
			t.Errorf("axe at %s: %s", where, v)
		} else {
			t.Logf("axe at %s (not blocking): %s", where, v)
		}
	}
	return vs
}

// Axe checks the tab's current page with axe-core; see the package function Axe.
func (b *Browser) Axe() []Violation {
	b.t.Helper()
	return Axe(b.t, b.ctx)
}
