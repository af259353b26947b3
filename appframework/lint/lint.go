// SPDX-License-Identifier: MIT

package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/process"
)

// Lint checks the app in fsys, whose root is the app repository (the folder
// holding App/). The error is non-nil only when fsys holds no app at all
// (ErrNotApp); every other problem, load errors included, is a Finding.
func Lint(fsys fs.FS) (Report, error) {
	a, loadErrs, hidden, err := loadPartial(fsys)
	if err != nil {
		return Report{}, err
	}
	l := &linter{fsys: fsys, app: a, hidden: hidden, raw: rawFiles{fsys: fsys}, models: map[string]*fieldIndex{}}
	l.identify()
	for _, e := range loadErrs {
		l.loadError(e)
	}
	if a != nil {
		for _, is := range a.Issues {
			if !l.consequence(is) {
				l.loaderIssue(is)
			}
		}
		l.indexModels()
		l.metadata()
		for _, set := range a.LayoutSets {
			l.layoutSet(set)
		}
		l.validations()
		l.options()
	}
	l.process()
	l.policy()
	l.csharp()
	if a != nil {
		l.texts()
		l.textVariables()
	}
	return Report{App: l.appID, Findings: normalize(l.out)}, nil
}

// linter is the state of one Lint.
type linter struct {
	fsys fs.FS
	// app is what loaded, nil when not even a partial app did.
	app *app.App
	// hidden are the files set aside because they did not load.
	hidden map[string]bool
	// root is the folder with config/ ("App/" usually).
	root        string
	appID       string
	org, name   string
	raw         rawFiles
	models      map[string]*fieldIndex
	def         *process.Definition
	textRefs    []textRef
	actionRefs  []actionRef
	out         []Finding
	noModelSeen map[string]bool
	metaFile    string
}

func (l *linter) add(sev Severity, code, file, pointer, format string, args ...any) {
	l.out = append(l.out, Finding{Severity: sev, Code: code, File: file, Pointer: pointer, Message: fmt.Sprintf(format, args...)})
}

func (l *linter) addLine(sev Severity, code, file string, line int, format string, args ...any) {
	l.out = append(l.out, Finding{Severity: sev, Code: code, File: file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// rootCandidates are where the loader looks for config/, in its order.
var rootCandidates = []string{"App/", "", "src/App/"}

// identify finds the app root and its org and name, from the loaded app
// or, when it did not load, from the metadata file as far as it reads.
func (l *linter) identify() {
	if l.app != nil {
		l.root = l.app.Root
		l.appID, l.org = l.app.Metadata.ID, l.app.Metadata.Org
	} else {
		for _, c := range rootCandidates {
			if st, err := fs.Stat(l.fsys, c+"config/applicationmetadata.json"); err == nil && !st.IsDir() {
				l.root = c
				break
			}
		}
		var m struct {
			ID  string `json:"id"`
			Org string `json:"org"`
		}
		if data, err := fs.ReadFile(l.fsys, l.root+"config/applicationmetadata.json"); err == nil {
			_ = json.NewDecoder(bytes.NewReader(app.Relax(data))).Decode(&m)
		}
		l.appID, l.org = m.ID, m.Org
	}
	l.metaFile = l.root + "config/applicationmetadata.json"
	org, name, ok := strings.Cut(l.appID, "/")
	if !ok {
		name = l.appID
	} else if l.org == "" {
		l.org = org
	}
	l.name = name
}
