// SPDX-License-Identifier: MIT

package process

import "fmt"

// link connects flows to elements. The flows leaving an element are those
// its <outgoing> list names plus those whose sourceRef names it and that no
// element lists. Altinn's process reader follows sourceRef out of tasks and
// <outgoing> out of gateways, so real files that contradict themselves still
// run there, and the corpus relies on both: signing-test's gateway flows name
// a gateway id that does not exist in sourceRef, and frontend-test's Task_5
// lists an outgoing flow that does not exist. Disagreements are kept as notes
// for Check.
func (p *parser) link() error {
	d := p.def
	listedBy := map[string]*Element{}
	for _, e := range d.Elements {
		for _, ref := range p.outgoing[e] {
			f := p.flowByID[ref]
			if f == nil {
				d.note(Warning, CodeOutgoingUnknownFlow, e.ID, e.Line,
					fmt.Sprintf("%s lists outgoing flow %q, which does not exist", e.ID, ref))
				continue
			}
			if prev := listedBy[ref]; prev != nil {
				if prev != e {
					d.note(Warning, CodeFlowSourceMismatch, f.ID, f.Line,
						fmt.Sprintf("flow %s is listed as outgoing by both %s and %s; %s is used", f.ID, prev.ID, e.ID, prev.ID))
				}
				continue
			}
			listedBy[ref] = e
		}
	}
	for _, f := range d.Flows {
		f.Target = d.byID[f.TargetRef]
		if f.Target == nil {
			return posError(ErrUnknownElement, f.Line, 0, "sequence flow %q targets unknown element %q", f.ID, f.TargetRef)
		}
		if f.Target.Kind == KindStartEvent {
			return posError(ErrMalformed, f.Line, 0, "sequence flow %q targets start event %q", f.ID, f.TargetRef)
		}
		src := d.byID[f.SourceRef]
		if lister := listedBy[f.ID]; lister != nil {
			if src != lister {
				d.note(Warning, CodeFlowSourceMismatch, f.ID, f.Line, fmt.Sprintf(
					"flow %s has sourceRef %q but is an outgoing flow of %s; %s is used", f.ID, f.SourceRef, lister.ID, lister.ID))
			}
			src = lister
		}
		if src == nil {
			if f.SourceRef == "" {
				return posError(ErrMalformed, f.Line, 0, "sequence flow %q has no sourceRef and no element lists it", f.ID)
			}
			return posError(ErrUnknownElement, f.Line, 0, "sequence flow %q comes from unknown element %q", f.ID, f.SourceRef)
		}
		f.Source = src
		src.Outgoing = append(src.Outgoing, f)
		f.Target.Incoming = append(f.Target.Incoming, f)
	}
	for _, e := range d.Elements {
		if e.Gateway == nil || e.Gateway.DefaultID == "" {
			continue
		}
		for _, f := range e.Outgoing {
			if f.ID == e.Gateway.DefaultID {
				e.Gateway.Default = f
			}
		}
		if e.Gateway.Default == nil {
			d.note(Error, CodeDefaultUnknown, e.ID, e.Line,
				fmt.Sprintf("gateway %s names default flow %q, which does not leave it", e.ID, e.Gateway.DefaultID))
		}
	}
	return nil
}

func (d *Definition) note(sev Severity, code, element string, line int, msg string) {
	d.notes = append(d.notes, Issue{Severity: sev, Code: code, Element: element, Line: line, Message: msg})
}
