// SPDX-License-Identifier: MIT

package process

import (
	"bytes"
	"io"
	"strings"

	"github.com/blankett/blankett/appframework/expr"
)

// bpmnNS is the BPMN 2.0 model namespace. Elements in no namespace are
// accepted too, for hand-written files that forget the declaration.
const bpmnNS = "http://www.omg.org/spec/BPMN/20100524/MODEL"

// unsupported lists flow nodes that change how an instance moves and that the
// state machine cannot honour; ignoring them would silently change the process.
var unsupported = map[string]bool{
	"parallelGateway": true, "inclusiveGateway": true, "eventBasedGateway": true,
	"complexGateway": true, "subProcess": true, "adHocSubProcess": true, "transaction": true,
	"callActivity": true, "intermediateCatchEvent": true, "intermediateThrowEvent": true,
	"boundaryEvent": true, "manualTask": true, "scriptTask": true, "sendTask": true,
	"receiveTask": true, "businessRuleTask": true,
}

// Parse reads a process.bpmn file. It resolves every reference and rejects a
// definition that cannot run; see the package documentation.
func Parse(r io.Reader) (*Definition, error) {
	root, err := readTree(r)
	if err != nil {
		return nil, err
	}
	if root.Local != "definitions" || !isBPMN(root) {
		return nil, posError(ErrMalformed, root.Line, root.Col, "root element is %s, want bpmn:definitions", root.Local)
	}
	var procs []*node
	for _, k := range root.Kids {
		if k.Local == "process" && isBPMN(k) {
			procs = append(procs, k)
		}
	}
	switch len(procs) {
	case 0:
		return nil, posError(ErrMalformed, root.Line, root.Col, "no bpmn:process element")
	case 1:
	default:
		return nil, posError(ErrUnsupported, procs[1].Line, procs[1].Col, "more than one bpmn:process")
	}
	p := &parser{def: &Definition{ID: procs[0].AttrValue("id"), byID: map[string]*Element{}}, flowByID: map[string]*Flow{}}
	if err := p.readProcess(procs[0]); err != nil {
		return nil, err
	}
	if err := p.link(); err != nil {
		return nil, err
	}
	if err := p.def.validate(); err != nil {
		return nil, err
	}
	return p.def, nil
}

// ParseBytes is Parse over a byte slice.
func ParseBytes(data []byte) (*Definition, error) { return Parse(bytes.NewReader(data)) }

func isBPMN(n *node) bool { return n.Space == bpmnNS || n.Space == "" }

type parser struct {
	def      *Definition
	flowByID map[string]*Flow
	// outgoing holds each element's <outgoing> references, in order.
	outgoing map[*Element][]string
	ids      map[string]int
}

func (p *parser) readProcess(proc *node) error {
	p.outgoing = map[*Element][]string{}
	p.ids = map[string]int{}
	for _, n := range proc.Kids {
		if !isBPMN(n) {
			continue
		}
		if unsupported[n.Local] {
			return posError(ErrUnsupported, n.Line, n.Col, "bpmn:%s %q is not supported", n.Local, n.AttrValue("id"))
		}
		var kind Kind
		switch n.Local {
		case "startEvent":
			kind = KindStartEvent
		case "endEvent":
			kind = KindEndEvent
		case "task", "serviceTask", "userTask":
			kind = KindTask
		case "exclusiveGateway":
			kind = KindGateway
		case "sequenceFlow":
			if err := p.readFlow(n); err != nil {
				return err
			}
			continue
		default:
			// Documentation, lanes, annotations, data objects: no effect on flow.
			continue
		}
		if err := p.readElement(n, kind); err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) claimID(n *node) (string, error) {
	id := strings.TrimSpace(n.AttrValue("id"))
	if id == "" {
		return "", posError(ErrMalformed, n.Line, n.Col, "bpmn:%s without an id", n.Local)
	}
	if prev, dup := p.ids[id]; dup {
		return "", posError(ErrMalformed, n.Line, n.Col, "duplicate id %q (first on line %d)", id, prev)
	}
	p.ids[id] = n.Line
	return id, nil
}

func (p *parser) readElement(n *node, kind Kind) error {
	id, err := p.claimID(n)
	if err != nil {
		return err
	}
	e := &Element{ID: id, Name: n.AttrValue("name"), Kind: kind, Line: n.Line}
	for _, o := range n.Children("outgoing") {
		p.outgoing[e] = append(p.outgoing[e], strings.TrimSpace(o.Text))
	}
	switch kind {
	case KindTask:
		e.Task = p.readTask(n, e)
	case KindGateway:
		e.Gateway = &Gateway{DefaultID: strings.TrimSpace(n.AttrValue("default"))}
		if gx := extension(n, "gatewayExtension"); gx != nil {
			e.Gateway.ConnectedDataType = gx.ChildText("connectedDataTypeId")
		}
	case KindStartEvent:
		p.def.starts = append(p.def.starts, e)
	}
	p.def.Elements = append(p.def.Elements, e)
	p.def.byID[id] = e
	return nil
}

func (p *parser) readFlow(n *node) error {
	id, err := p.claimID(n)
	if err != nil {
		return err
	}
	f := &Flow{
		ID:        id,
		SourceRef: strings.TrimSpace(n.AttrValue("sourceRef")),
		TargetRef: strings.TrimSpace(n.AttrValue("targetRef")),
		FlowType:  n.AttrValue("flowtype"),
		Line:      n.Line,
	}
	if f.TargetRef == "" {
		return posError(ErrMalformed, n.Line, n.Col, "sequence flow %q has no targetRef", id)
	}
	if c := n.Child("conditionExpression"); c != nil {
		f.ConditionRaw = strings.TrimSpace(c.Text)
		if f.ConditionRaw != "" {
			f.Condition, f.ConditionErr = expr.Parse([]byte(f.ConditionRaw))
		}
	}
	p.def.Flows = append(p.def.Flows, f)
	p.flowByID[id] = f
	return nil
}

// extension returns the named child of n's extensionElements, in any
// namespace: the altinn: prefix is bound to different URIs in old files.
func extension(n *node, local string) *node {
	for _, ee := range n.Children("extensionElements") {
		if x := ee.Child(local); x != nil {
			return x
		}
	}
	return nil
}
