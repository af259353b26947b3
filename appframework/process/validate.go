// SPDX-License-Identifier: MIT

package process

import "strings"

// validate rejects definitions that cannot run: no start, a start that leads
// nowhere, or gateways that loop among themselves.
func (d *Definition) validate() error {
	if len(d.starts) == 0 {
		return posError(ErrNoStart, 0, 0, "process %q has no start event", d.ID)
	}
	for _, s := range d.starts {
		if len(s.Outgoing) == 0 {
			return posError(ErrNoStart, s.Line, 0, "start event %q has no outgoing flow", s.ID)
		}
	}
	return d.gatewayCycles()
}

// gatewayCycles finds a loop through gateways only. Next follows gateways
// until it reaches a task or an end event, so such a loop would never stop.
func (d *Definition) gatewayCycles() error {
	const (
		white = iota
		grey
		black
	)
	color := map[*Element]int{}
	var path []*Element
	var visit func(e *Element) error
	visit = func(e *Element) error {
		color[e] = grey
		path = append(path, e)
		for _, f := range e.Outgoing {
			t := f.Target
			if t.Kind != KindGateway {
				continue
			}
			switch color[t] {
			case grey:
				var ids []string
				for i := len(path) - 1; i >= 0; i-- {
					ids = append([]string{path[i].ID}, ids...)
					if path[i] == t {
						break
					}
				}
				return posError(ErrCycle, t.Line, 0, "gateways %s → %s loop without a task", strings.Join(ids, " → "), t.ID)
			case white:
				if err := visit(t); err != nil {
					return err
				}
			}
		}
		path = path[:len(path)-1]
		color[e] = black
		return nil
	}
	for _, e := range d.Elements {
		if e.Kind == KindGateway && color[e] == white {
			if err := visit(e); err != nil {
				return err
			}
		}
	}
	return nil
}
