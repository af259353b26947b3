// SPDX-License-Identifier: MIT

package app

import (
	"encoding/json"

	"github.com/blankett/blankett/appframework/expr"
)

// loadAppSettings reads appsettings.json for its FrontEndSettings section,
// which the frontendSettings expression function and applicationSettings
// text variables read. Environment-specific appsettings.*.json files are
// deployment configuration and are not read here.
func (l *loader) loadAppSettings() {
	file := l.app.Root + "appsettings.json"
	if !l.exists(file) {
		return
	}
	data, ok := l.read(file)
	if !ok {
		return
	}
	var doc struct {
		FrontEndSettings map[string]json.RawMessage `json:"FrontEndSettings"`
	}
	if e := decodeFile(file, data, &doc); e != nil {
		l.p.add(e)
		return
	}
	l.app.AppSettings = &RawFile{File: file, Data: data}
	if len(doc.FrontEndSettings) > 0 {
		l.app.FrontendSettings = map[string]expr.Value{}
		for k, raw := range doc.FrontEndSettings {
			var v expr.Value
			if err := json.Unmarshal(raw, &v); err == nil {
				l.app.FrontendSettings[k] = v
			}
		}
	}
}
