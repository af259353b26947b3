// SPDX-License-Identifier: MIT

package xsdequal

import (
	"strings"

	"github.com/blankett/blankett/datamodels/xsd"
)

// topParticle writes the particle of a type or group; an empty model group
// is no content, and a pointless group around one model group is that group.
func topParticle(p xsd.Particle) *cnode {
	if p == nil {
		return nil
	}
	n := particle(p)
	if n == nil || (isGroup(n) && len(n.kids) == 0 && once(n) && !annotated(n)) {
		return nil
	}
	if isGroup(n) && len(n.kids) == 1 && once(n) && !annotated(n) && strings.HasPrefix(n.kids[0].label, "group[ref=") {
		return n.kids[0] // a group reference is a model group already
	}
	return n
}

func particle(p xsd.Particle) *cnode {
	switch x := p.(type) {
	case *xsd.Element:
		return element(x)
	case *xsd.GroupRef:
		n := newNode("group[ref="+x.Ref.Local+"]").set("ref", qn(x.Ref))
		occurs(n, x.Occurs)
		return common(n, &x.Common)
	case *xsd.Any:
		n := newNode("any").set("namespace", orDefault(x.Namespace, "##any"))
		n.set("processContents", orDefault(x.ProcessContents, "strict"))
		occurs(n, x.Occurs)
		return common(n, &x.Common)
	case *xsd.ModelGroup:
		n := newNode(string(x.Kind))
		occurs(n, x.Occurs)
		common(n, &x.Common)
		for _, c := range x.Particles {
			k := particle(c)
			switch {
			case k == nil:
			case isGroup(k) && once(k) && !annotated(k) && len(k.kids) == 0:
				// an empty group that occurs once matches nothing extra
			case k.label == n.label && x.Kind != xsd.All && once(k) && !annotated(k):
				n.kids = append(n.kids, k.kids...)
			case isGroup(k) && once(k) && !annotated(k) && len(k.kids) == 1:
				n.kids = append(n.kids, k.kids[0])
			default:
				n.kids = append(n.kids, k)
			}
		}
		if len(n.kids) == 1 && once(n) && !annotated(n) && x.Kind != xsd.All && isGroup(n.kids[0]) {
			return n.kids[0]
		}
		return n
	}
	return nil
}

func isGroup(n *cnode) bool { return n.label == "sequence" || n.label == "choice" }

func once(n *cnode) bool { return n.attrs["minOccurs"] == "" && n.attrs["maxOccurs"] == "" }

func annotated(n *cnode) bool {
	for k := range n.attrs {
		if k != "minOccurs" && k != "maxOccurs" {
			return true
		}
	}
	for _, k := range n.kids {
		if k.label == "annotation" {
			return true
		}
	}
	return false
}
