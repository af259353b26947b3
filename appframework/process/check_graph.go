// SPDX-License-Identifier: MIT

package process

import "fmt"

// graph reports unreachable elements, elements that cannot reach an end,
// and nodes whose outgoing flows do not fit their kind.
func (c *checker) graph() {
	d := c.def
	if len(d.starts) > 1 {
		s := d.starts[1]
		c.add(Warning, CodeMultipleStarts, s.Line, s.ID, fmt.Sprintf(
			"the process has %d start events; instances start at %s unless told otherwise", len(d.starts), d.starts[0].ID))
	}
	reach := walk(d.starts, func(e *Element) []*Element { return targets(e.Outgoing) })
	var ends []*Element
	for _, e := range d.Elements {
		if e.Kind == KindEndEvent {
			ends = append(ends, e)
		}
	}
	if len(ends) == 0 {
		c.add(Error, CodeNoEnd, 0, d.ID, "the process has no end event, so no instance can finish")
	}
	finish := walk(ends, func(e *Element) []*Element {
		out := make([]*Element, len(e.Incoming))
		for i, f := range e.Incoming {
			out[i] = f.Source
		}
		return out
	})
	for _, e := range d.Elements {
		switch {
		case !reach[e] && e.Kind != KindStartEvent:
			c.add(Warning, CodeUnreachable, e.Line, e.ID, fmt.Sprintf("%s %s cannot be reached from the start event", e.Kind, e.ID))
		case e.Kind == KindTask && len(ends) > 0 && !finish[e]:
			c.add(Error, CodeNoEnd, e.Line, e.ID, fmt.Sprintf("no path leads from task %s to an end event", e.ID))
		}
		n := len(e.Outgoing)
		switch {
		case e.Kind == KindEndEvent && n > 0:
			c.add(Warning, CodeEndHasOutgoing, e.Line, e.ID, fmt.Sprintf("end event %s has outgoing flows, which are never taken", e.ID))
		case e.Kind != KindEndEvent && n == 0:
			c.add(Error, CodeDeadEnd, e.Line, e.ID, fmt.Sprintf("%s %s has no outgoing flow", e.Kind, e.ID))
		case e.Kind != KindGateway && e.Kind != KindEndEvent && n > 1:
			c.add(Error, CodeMultipleOutgoing, e.Line, e.ID, fmt.Sprintf(
				"%s %s has %d outgoing flows; only a gateway may choose between flows", e.Kind, e.ID, n))
		}
	}
}

func targets(flows []*Flow) []*Element {
	out := make([]*Element, len(flows))
	for i, f := range flows {
		out[i] = f.Target
	}
	return out
}

// walk returns every element reachable from roots through next.
func walk(roots []*Element, next func(*Element) []*Element) map[*Element]bool {
	seen := map[*Element]bool{}
	queue := append([]*Element(nil), roots...)
	for _, r := range roots {
		seen[r] = true
	}
	for len(queue) > 0 {
		e := queue[0]
		queue = queue[1:]
		for _, n := range next(e) {
			if !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
	}
	return seen
}
