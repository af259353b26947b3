// SPDX-License-Identifier: MIT

package lint

import (
	"errors"
	"io/fs"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/expr"
	"github.com/blankett/blankett/appframework/process"
)

// processCodes name the parse errors of process.bpmn by sentinel.
var processCodes = []struct {
	err  error
	code string
}{
	{process.ErrNoStart, "process-no-start"},
	{process.ErrUnknownElement, "process-unknown-element"},
	{process.ErrUnsupported, "process-unsupported"},
	{process.ErrCycle, "process-cycle"},
	{process.ErrMalformed, "process-malformed"},
}

// process parses process.bpmn and runs process.Check against the layout
// sets and data types, then type-checks gateway conditions.
func (l *linter) process() {
	file := l.root + "config/process/process.bpmn"
	data, err := fs.ReadFile(l.fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		if l.app != nil {
			l.add(Error, "process-missing", file, "", "the app has no process definition, so no instance can start")
		}
		return
	}
	if err != nil {
		l.add(Error, "read-error", file, "", "%v", err)
		return
	}
	def, err := process.ParseBytes(data)
	if err != nil {
		code := "process-invalid"
		for _, c := range processCodes {
			if errors.Is(err, c.err) {
				code = c.code
				break
			}
		}
		l.addLine(Error, code, file, errLine(err), "%v", err)
		return
	}
	l.def = def
	l.actions()
	for _, is := range process.Check(def, l.checkInput()) {
		l.addLine(procSeverity(is.Severity), "process-"+is.Code, file, is.Line, "%s", is.Message)
	}
	for _, f := range def.Flows {
		if f.Condition == nil {
			continue
		}
		env := &expr.CheckEnv{}
		if l.app != nil {
			env = l.checkEnv(l.gatewayDataType(f), nil)
		}
		env.Want = expr.TypeBool
		for _, is := range expr.Check([]byte(f.ConditionRaw), env) {
			l.addLine(exprSeverity(is.Code), "expr-"+is.Code, file, f.Line, "condition of flow %s at %s: %s", f.ID, is.Path, is.Message)
		}
	}
	for _, e := range def.Tasks() {
		if pdf := e.Task.PDF; pdf != nil && pdf.FilenameTextResourceKey != "" {
			l.textRefs = append(l.textRefs, textRef{key: pdf.FilenameTextResourceKey, file: file, pointer: "", sure: true})
		}
	}
}

// checkInput is what process.Check needs to know of the app. Apps without
// layout sets show their one form in every task, so sets are not checked.
func (l *linter) checkInput() process.CheckInput {
	var in process.CheckInput
	if l.app == nil {
		return in
	}
	for _, d := range l.app.Metadata.DataTypes {
		in.DataTypes = append(in.DataTypes, process.DataType{ID: d.ID, TaskID: d.TaskID})
	}
	if g := l.app.Generation; g == app.LayoutSets || g == app.TaskFolders {
		in.LayoutSets = []process.LayoutSet{}
		for _, s := range l.app.LayoutSets {
			in.LayoutSets = append(in.LayoutSets, process.LayoutSet{ID: s.ID, DataType: s.DataType, Tasks: s.Tasks})
		}
	}
	return in
}

// gatewayDataType is the data type a flow's condition reads: the gateway's
// connected data type, or the form of the task the gateway is left from.
func (l *linter) gatewayDataType(f *process.Flow) string {
	if g := f.Source; g != nil && g.Gateway != nil {
		if g.Gateway.ConnectedDataType != "" {
			return g.Gateway.ConnectedDataType
		}
		for _, in := range g.Incoming {
			if in.Source.IsTask() {
				if s := l.app.LayoutSetForTask(in.Source.ID); s != nil {
					return s.DataType
				}
			}
		}
	}
	return ""
}

func procSeverity(s process.Severity) Severity {
	switch s {
	case process.Error:
		return Error
	case process.Warning:
		return Warning
	}
	return Info
}
