// SPDX-License-Identifier: MIT

package app

import (
	"bytes"
	"strings"
)

// DataList is a static data list, datalists/<id>.json: the rows a List
// component offers. The file is a JSON array of row objects, or an object with
// the rows in "listItems" (the shape Altinn's data list API answers). In
// Altinn a C# IDataListProvider makes these lists; Blankett reads them from
// files.
type DataList struct {
	ID   string
	File string
	Rows []map[string]any
}

func (l *loader) loadDataLists() {
	dir := l.app.Root + "datalists"
	for _, name := range l.list(dir, ".json") {
		file := join(dir, name)
		data, ok := l.read(file)
		if !ok {
			continue
		}
		var rows []map[string]any
		if t := bytes.TrimSpace(relax(data)); len(t) > 0 && t[0] == '{' {
			var wrapped struct {
				ListItems []map[string]any `json:"listItems"`
			}
			if e := decodeFile(file, data, &wrapped); e != nil {
				l.p.add(e)
				continue
			}
			rows = wrapped.ListItems
		} else if e := decodeFile(file, data, &rows); e != nil {
			l.p.add(e)
			continue
		}
		l.app.DataLists[strings.TrimSuffix(name, ".json")] = &DataList{ID: strings.TrimSuffix(name, ".json"), File: file, Rows: rows}
	}
}
