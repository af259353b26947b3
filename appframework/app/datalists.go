// SPDX-License-Identifier: MIT

package app

import (
	"bytes"
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
	l.eachJSON(l.app.Root+"datalists", func(id, file string, data []byte) {
		var rows []map[string]any
		if t := bytes.TrimSpace(relax(data)); len(t) > 0 && t[0] == '{' {
			var wrapped struct {
				ListItems []map[string]any `json:"listItems"`
			}
			if e := decodeFile(file, data, &wrapped); e != nil {
				l.p.add(e)
				return
			}
			rows = wrapped.ListItems
		} else if e := decodeFile(file, data, &rows); e != nil {
			l.p.add(e)
			return
		}
		l.app.DataLists[id] = &DataList{ID: id, File: file, Rows: rows}
	})
}
