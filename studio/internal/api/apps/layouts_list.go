// SPDX-License-Identifier: MIT

package apps

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/gin-gonic/gin"
)

// layoutSetJSON is one layout set as listLayouts shows it (schema LayoutSet).
type layoutSetJSON struct {
	ID       string           `json:"id"`
	DataType string           `json:"dataType,omitempty"`
	Tasks    []string         `json:"tasks"`
	Pages    []layoutPageJSON `json:"pages"`
}

// layoutPageJSON is one page (schema LayoutPage): the file as stored, or null
// and the reason when it does not parse.
type layoutPageJSON struct {
	ID     string          `json:"id"`
	Layout json.RawMessage `json:"layout"`
	Error  string          `json:"error,omitempty"`
}

// listLayouts answers the layout sets of layout-sets.json at ?ref= with their pages
// in Settings.json order, then the pages on disk that the order leaves out. A page
// that does not parse is listed with its error. Only a layout-sets.json that does
// not parse stops the listing (422 invalid_document), as nothing can be found
// without it.
func (h *Handler) listLayouts(c *gin.Context) {
	repo, commit, ok := h.openRead(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	sets, err := readLayoutSets(ctx, repo, commit)
	var bad *fileError
	if errors.As(err, &bad) {
		problem(c, http.StatusUnprocessableEntity, CodeInvalidDocument, bad.Error(), nil)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	for i := range sets {
		if sets[i].Pages, err = readPages(ctx, repo, commit, sets[i].ID); err != nil {
			h.fail(c, err)
			return
		}
	}
	c.JSON(http.StatusOK, gin.H{"commit": commit, "sets": sets})
}

// readLayoutSets reads the sets of layout-sets.json; an app without the file has none.
func readLayoutSets(ctx context.Context, repo *gitrepo.Repo, commit string) ([]layoutSetJSON, error) {
	b, err := repo.ReadFile(ctx, commit, layoutSetsPath)
	if errors.Is(err, gitrepo.ErrNotFound) {
		return []layoutSetJSON{}, nil
	}
	if err != nil {
		return nil, err
	}
	var doc struct {
		Sets []struct {
			ID       string   `json:"id"`
			DataType string   `json:"dataType"`
			Tasks    []string `json:"tasks"`
		} `json:"sets"`
	}
	if err := json.Unmarshal(app.Relax(b), &doc); err != nil {
		return nil, &fileError{path: layoutSetsPath, err: jsonError(b, err)}
	}
	sets := []layoutSetJSON{}
	for _, s := range doc.Sets {
		if s.ID == "" || strings.ContainsAny(s.ID, `/\`) || s.ID[0] == '.' {
			continue // lint reports it; it names no folder
		}
		if s.Tasks == nil {
			s.Tasks = []string{}
		}
		sets = append(sets, layoutSetJSON{ID: s.ID, DataType: s.DataType, Tasks: s.Tasks})
	}
	return sets, nil
}

// readPages lists the pages of set: the page order first (a page the order names
// without a file is listed with that error), then the other page files by name.
func readPages(ctx context.Context, repo *gitrepo.Repo, commit, set string) ([]layoutPageJSON, error) {
	var order []string
	if b, err := repo.ReadFile(ctx, commit, layoutSettingsPath(set)); err == nil {
		order, _ = orderOf(app.Relax(b)) // a broken Settings.json: the files in name order
	} else if !errors.Is(err, gitrepo.ErrNotFound) {
		return nil, err
	}
	ents, err := repo.List(ctx, commit, layoutSetDir(set)+"/layouts", false)
	if err != nil && !errors.Is(err, gitrepo.ErrNotFound) {
		return nil, err
	}
	var onDisk []string
	for _, e := range ents {
		if id, ok := strings.CutSuffix(path.Base(e.Path), ".json"); ok && !e.Dir && id != "" {
			onDisk = append(onDisk, id)
		}
	}
	slices.Sort(onDisk)
	ids := slices.Clone(order)
	for _, id := range onDisk {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	pages := []layoutPageJSON{}
	for _, id := range slices.Compact(ids) {
		p := layoutPageJSON{ID: id, Layout: json.RawMessage("null")}
		if !slices.Contains(onDisk, id) {
			p.Error = layoutPath(set, id) + " does not exist, but the page order names it"
			pages = append(pages, p)
			continue
		}
		b, err := repo.ReadFile(ctx, commit, layoutPath(set, id))
		if err != nil {
			return nil, err
		}
		if raw, err := layoutObject(b); err != nil {
			p.Error = layoutPath(set, id) + ": " + err.Error()
		} else {
			p.Layout = raw
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// layoutObject is a page file as strict JSON, if it is a JSON object; keys keep
// the order of the file.
func layoutObject(b []byte) (json.RawMessage, error) {
	strict := app.Relax(b)
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(strict, &obj); err != nil {
		return nil, jsonError(b, err)
	}
	if obj == nil {
		return nil, errors.New("not a JSON object")
	}
	return json.RawMessage(strict), nil
}

// jsonError says where a JSON syntax error is, or that the value is of the wrong kind.
func jsonError(b []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineCol(b, se.Offset)
		return fmt.Errorf("not JSON: line %d, column %d: %s", line, col, se.Error())
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field == "" {
		return errors.New("not a JSON object")
	}
	if errors.As(err, &te) {
		return fmt.Errorf("unexpected %s at %q", te.Value, te.Field)
	}
	return err
}
