// SPDX-License-Identifier: MIT

package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/process"
)

// definition returns the app's parsed process: the loader's when it was
// loaded with app.StandardOptions, otherwise parsed here; nil when there is
// none or it does not parse.
func definition(a *app.App) *process.Definition {
	if a.Process == nil {
		return nil
	}
	if def, ok := a.Process.Definition.(*process.Definition); ok && def != nil {
		return def
	}
	def, err := process.ParseBytes(a.Process.Data)
	if err != nil {
		return nil
	}
	return def
}

func taskSignature(e *process.Element) string {
	var acts []string
	for _, a := range e.Task.Actions {
		acts = append(acts, a.ID)
	}
	return fmt.Sprintf("%s|%s|%v", e.Name, e.Task.Type, acts)
}

// process compares the tasks of the processes, and the flows out of each
// gateway.
func (d *differ) process(a, b *app.App) {
	da, db := definition(a), definition(b)
	if da == nil && db == nil {
		return
	}
	if da == nil {
		if a.Process != nil {
			d.add(Changed, AreaTask, "", "", "process.bpmn", "", "the old process definition could not be read")
		}
		da = &process.Definition{}
	}
	if db == nil {
		if b.Process != nil {
			d.add(Changed, AreaTask, "", "", "process.bpmn", "", "the new process definition could not be read")
		}
		db = &process.Definition{}
	}
	tasks := func(def *process.Definition) []string {
		var out []string
		for _, e := range def.Tasks() {
			out = append(out, e.ID)
		}
		return out
	}
	p := match(tasks(da), tasks(db), func(id string, inNew bool) string {
		if inNew {
			return taskSignature(db.Task(id))
		}
		return taskSignature(da.Task(id))
	})
	for _, id := range p.added {
		e := db.Task(id)
		d.add(Added, AreaTask, id, "", "", "", "task %q (%s%s) added", id, e.Task.Type, named(e.Name))
	}
	for _, id := range p.removed {
		d.add(Removed, AreaTask, id, "", "", "", "task %q removed", id)
	}
	for _, old := range sortedKeys(p.renamed) {
		d.add(Renamed, AreaTask, p.renamed[old], old, "", "", "task %q renamed to %q", old, p.renamed[old])
	}
	for _, id := range p.both {
		ea, eb := da.Task(id), db.Task(id)
		var what []string
		if ea.Task.Type != eb.Task.Type {
			what = append(what, fmt.Sprintf("type %s → %s", ea.Task.Type, eb.Task.Type))
		}
		if ea.Name != eb.Name {
			what = append(what, fmt.Sprintf("name %q → %q", ea.Name, eb.Name))
		}
		if sa, sb := taskSignature(ea), taskSignature(eb); sa != sb && len(what) == 0 {
			what = append(what, "actions changed")
		}
		if fa, fb := flowsOut(ea), flowsOut(eb); fa != fb {
			what = append(what, "what comes next changed")
		}
		if len(what) > 0 {
			d.add(Changed, AreaTask, id, "", "", "", "task %q changed: %s", id, strings.Join(what, ", "))
		}
	}
	for _, e := range db.Elements {
		if e.Kind != process.KindGateway {
			continue
		}
		if old := da.Element(e.ID); old != nil && old.Kind == process.KindGateway && flowsOut(old) != flowsOut(e) {
			d.add(Changed, AreaTask, e.ID, "", "", "", "the conditions or targets of gateway %q changed", e.ID)
		}
	}
}

func named(name string) string {
	if name == "" {
		return ""
	}
	return fmt.Sprintf(", %q", name)
}

// flowsOut summarises where an element leads: targets and conditions.
func flowsOut(e *process.Element) string {
	var out []string
	for _, f := range e.Outgoing {
		out = append(out, f.TargetRef+"|"+strings.Join(strings.Fields(f.ConditionRaw), ""))
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}
