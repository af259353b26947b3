// SPDX-License-Identifier: MIT

package jsonxsd

import (
	"strings"

	"github.com/blankett/blankett/datamodels/jsonobj"
)

// Strategy is how the converter reads a schema. Altinn has three (general,
// SERES, Oppgaveregister) that differ only in the default root element name;
// the OR strategy is the SERES one here.
type Strategy int

// The strategies.
const (
	// StrategyAuto detects the strategy from the schema.
	StrategyAuto Strategy = iota
	// StrategyGeneral is for schemas from non-SERES XSDs and the designer;
	// the root element defaults to "root".
	StrategyGeneral
	// StrategySeres is for SERES and Oppgaveregister schemas; the root
	// element defaults to info.meldingsnavn, then "melding".
	StrategySeres
)

// String names the strategy.
func (s Strategy) String() string {
	switch s {
	case StrategyGeneral:
		return "general"
	case StrategySeres:
		return "seres"
	}
	return "auto"
}

// DetectStrategy picks the strategy as Altinn's JsonSchemaConverterStrategyFactory
// does: SERES when @xsdNamespaces binds the SERES or OR namespace, or when
// info["XSLT-skriptnavn"] is SERES_XSD_GEN; general otherwise.
func DetectStrategy(doc *jsonobj.Object) Strategy {
	if ns := object(doc, "@xsdNamespaces"); ns != nil {
		for _, k := range ns.Keys() {
			uri, _ := str(ns, k)
			if strings.EqualFold(uri, nsSERES) || strings.EqualFold(uri, nsOR) {
				return StrategySeres
			}
		}
	}
	if info := object(doc, "info"); info != nil {
		if v, _ := str(info, "XSLT-skriptnavn"); v == "SERES_XSD_GEN" {
			return StrategySeres
		}
	}
	return StrategyGeneral
}

// defaultRootName is the root element name when @xsdRootElement is absent.
func (c *converter) defaultRootName() string {
	if c.strategy == StrategySeres {
		if info := object(c.doc, "info"); info != nil {
			if v, ok := str(info, "meldingsnavn"); ok && v != "" {
				return v
			}
		}
		return "melding"
	}
	return "root"
}
