// SPDX-License-Identifier: MIT

package lint

import (
	"io/fs"
	"path"
	"regexp"
	"strings"
)

// csharpKinds map the app-lib interfaces that custom C# implements to a
// finding code and the low-code replacement (DESIGN §2). The first
// interface found in a file decides its code; Program.cs registrations are
// read the same way.
var csharpKinds = []struct {
	iface, code, instead string
}{
	{"IDataProcessor", "csharp-data-processor", "expression calculations in models/<dataType>.calculation.json"},
	{"IDataWriteProcessor", "csharp-data-processor", "expression calculations in models/<dataType>.calculation.json"},
	{"IFormDataValidator", "csharp-validator", "expression validations in models/<dataType>.validation.json"},
	{"IInstanceValidator", "csharp-validator", "expression validations in models/<dataType>.validation.json"},
	{"ITaskValidator", "csharp-validator", "expression validations in models/<dataType>.validation.json"},
	{"IDataElementValidator", "csharp-validator", "expression validations, or allowedContentTypes and maxSize"},
	{"IValidator", "csharp-validator", "expression validations in models/<dataType>.validation.json"},
	{"IFileValidator", "csharp-validator", "allowedContentTypes and maxSize on the data type"},
	{"IInstanceAppOptionsProvider", "csharp-options-provider", "options/<id>.json or a code list from an HTTP source"},
	{"IAppOptionsProvider", "csharp-options-provider", "options/<id>.json or a code list from an HTTP source"},
	{"IDataListProvider", "csharp-options-provider", "datalists/<id>.json"},
	{"IInstanceDataListProvider", "csharp-options-provider", "datalists/<id>.json"},
	{"IInstantiationProcessor", "csharp-instantiation", "prefill (models/<dataType>.prefill.json) or an HTTP hook on instantiation"},
	{"IInstantiationValidator", "csharp-instantiation", "an HTTP hook on instantiation"},
	{"IPageOrder", "csharp-page-order", "hidden expressions on pages"},
	{"IProcessTaskStart", "csharp-process-hook", "an HTTP hook on the task"},
	{"IProcessTaskEnd", "csharp-process-hook", "an HTTP hook on the task"},
	{"IProcessTaskAbandon", "csharp-process-hook", "an HTTP hook on the task"},
	{"IProcessEnd", "csharp-process-hook", "an HTTP hook or a webhook on process end"},
	{"IProcessExclusiveGateway", "csharp-process-hook", "expression conditions on the gateway's flows"},
	{"IUserAction", "csharp-user-action", "an HTTP hook"},
	{"IEventHandler", "csharp-process-hook", "webhooks"},
	{"IEFormidlingMetadata", "csharp-process-hook", "the eFormidling settings of the process"},
	{"IEFormidlingReceivers", "csharp-process-hook", "the eFormidling settings of the process"},
	{"ICustomPdfHandler", "csharp-pdf", "the default PDF of the summary"},
	{"IPdfFormatter", "csharp-pdf", "the default PDF of the summary"},
}

var csharpIface = func() *regexp.Regexp {
	names := make([]string, len(csharpKinds))
	for i, k := range csharpKinds {
		names[i] = k.iface
	}
	return regexp.MustCompile(`\b(` + strings.Join(names, "|") + `)\b`)
}()

// maxCSharpBytes caps how much of one .cs file is scanned.
const maxCSharpBytes = 1 << 20

// csharp reports the app's own C#: files under logic/ and registrations in
// Program.cs. Generated model classes (models/*.cs) are not reported: the
// JSON Schema replaces them.
func (l *linter) csharp() {
	root := strings.TrimSuffix(l.root, "/")
	if root == "" {
		root = "."
	}
	_ = fs.WalkDir(l.fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			switch d.Name() {
			case "bin", "obj", "models", "node_modules", ".git":
				if p != root {
					return fs.SkipDir
				}
			}
			return nil
		}
		if !strings.HasSuffix(p, ".cs") {
			return nil
		}
		l.csharpFile(p)
		return nil
	})
}

func (l *linter) csharpFile(file string) {
	f, err := l.fsys.Open(file)
	if err != nil {
		return
	}
	defer f.Close()
	buf := make([]byte, maxCSharpBytes)
	n, _ := readFull(f, buf)
	src := string(buf[:n])
	found := map[string]bool{}
	for _, m := range csharpIface.FindAllStringSubmatch(src, -1) {
		for _, k := range csharpKinds {
			if k.iface == m[1] && !found[k.iface] {
				found[k.iface] = true
				l.add(Warning, k.code, file, "", "C# %s does not run here; replace it with %s", k.iface, k.instead)
			}
		}
	}
	if len(found) == 0 && path.Base(file) != "Program.cs" {
		l.add(Info, "csharp-file", file, "", "custom C# does not run here; move its logic to expressions, code lists, prefill or HTTP hooks")
	}
}

// readFull reads until buf is full or the file ends.
func readFull(f fs.File, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := f.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
