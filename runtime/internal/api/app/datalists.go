// SPDX-License-Identifier: MIT

package app

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/gin-gonic/gin"
)

// CodeDataListNotFound answers a data list the app does not have.
const CodeDataListNotFound = "datalist_not_found"

// maxListPage bounds the rows of one data list page.
const maxListPage = 1000

// dataListPage is Altinn's DataList document: one page of rows and where it is.
type dataListPage struct {
	ListItems []map[string]any `json:"listItems"`
	MetaData  dataListMeta     `json:"_metaData"`
}

type dataListMeta struct {
	Page             int      `json:"page"`
	PageCount        int      `json:"pageCount"`
	PageSize         int      `json:"pageSize"`
	TotaltItemsCount int      `json:"totaltItemsCount"` // sic, Altinn's name
	Links            []string `json:"links"`
}

// writeDataList answers GET …/datalists/{id}: a page of rel's static data list
// datalists/{id}.json, sorted by sortColumn (sortDirection asc or desc) and cut
// at page (from 0) of size rows; without size, every row.
func writeDataList(c *gin.Context, rel *apphost.Release) {
	l := rel.App.DataLists[c.Param("id")]
	if l == nil {
		httpx.AbortProblem(c, httpx.NewProblem(http.StatusNotFound, CodeDataListNotFound, "the app has no data list "+c.Param("id")))
		return
	}
	// Without size every row is one page (of at least one row, for an empty list).
	size, err := queryInt(c, "size", max(len(l.Rows), 1), 1, maxListPage)
	page := 0
	if err == nil {
		page, err = queryInt(c, "page", 0, 0, 1<<20)
	}
	dir := c.DefaultQuery("sortDirection", "asc")
	if err == nil && dir != "asc" && dir != "desc" && dir != "Asc" && dir != "Desc" {
		err = fmt.Errorf("sortDirection is asc or desc, not %q", dir)
	}
	if err != nil {
		httpx.AbortProblem(c, httpx.NewProblem(http.StatusBadRequest, CodeBadRequest, err.Error()))
		return
	}
	rows := l.Rows
	if col := c.Query("sortColumn"); col != "" {
		rows = slices.Clone(rows)
		slices.SortStableFunc(rows, func(a, b map[string]any) int {
			n := compareCells(a[col], b[col])
			if dir == "desc" || dir == "Desc" {
				return -n
			}
			return n
		})
	}
	out := dataListPage{ListItems: []map[string]any{}, MetaData: dataListMeta{Page: page, PageSize: size,
		TotaltItemsCount: len(rows), PageCount: (len(rows) + size - 1) / size, Links: []string{}}}
	if from := page * size; from < len(rows) {
		out.ListItems = rows[from:min(from+size, len(rows))]
	}
	c.JSON(http.StatusOK, out)
}

// queryInt reads integer query parameter name in [lo, hi], def when absent.
func queryInt(c *gin.Context, name string, def, lo, hi int) (int, error) {
	s, ok := c.GetQuery(name)
	if !ok || s == "" {
		return min(def, hi), nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s is a whole number from %d to %d, not %q", name, lo, hi, s)
	}
	return n, nil
}

// compareCells orders two data list cells: numbers by value, before the rest,
// which compare as text.
func compareCells(a, b any) int {
	x, aNum := a.(float64)
	y, bNum := b.(float64)
	switch {
	case aNum && bNum:
		return cmp.Compare(x, y)
	case aNum != bNum:
		if aNum {
			return -1
		}
		return 1
	}
	return cmp.Compare(fmt.Sprint(a), fmt.Sprint(b))
}
