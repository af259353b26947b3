// SPDX-License-Identifier: MIT

package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/app"
)

// maxPasses bounds how often Lint sets failing files aside and loads again.
// Each pass removes at least one file, and real apps need one or two.
const maxPasses = 8

// loadPartial loads the app, and when that fails sets aside every file a
// load error names and tries again, so the rest of the app can still be
// linted. It returns the app of the last pass (nil when nothing loaded),
// every load error of every pass, and the files set aside.
func loadPartial(fsys fs.FS) (*app.App, []*app.Error, map[string]bool, error) {
	var all []*app.Error
	hidden := map[string]bool{}
	for range maxPasses {
		a, err := app.Load(hiddenFS{fsys, hidden}, app.Options{})
		if err == nil {
			return a, all, hidden, nil
		}
		errs := splitErrors(err)
		if len(hidden) == 0 && len(errs) == 1 && errors.Is(errs[0], app.ErrNotApp) {
			return nil, nil, nil, fmt.Errorf("%w: no config/applicationmetadata.json under App/, the root or src/App/", ErrNotApp)
		}
		grew := false
		for _, e := range errs {
			if !slices.ContainsFunc(all, func(x *app.Error) bool { return x.Error() == e.Error() }) {
				all = append(all, e)
			}
			if e.File != "" && !hidden[e.File] && !isMetadata(e.File) {
				hidden[e.File] = true
				grew = true
			}
		}
		if !grew {
			break
		}
	}
	return nil, all, hidden, nil
}

func isMetadata(file string) bool { return path.Base(file) == "applicationmetadata.json" }

// partial reports whether a file under folder was set aside. References
// into such a folder cannot be checked: the component or page they name
// may be in the file that did not load.
func (l *linter) partial(folder string) bool {
	for f := range l.hidden {
		if strings.HasPrefix(f, folder+"/") {
			return true
		}
	}
	return false
}

// consequence reports whether a loader issue only repeats that a file was
// set aside: a page order naming a page whose file failed, or a child that
// may be on such a page.
func (l *linter) consequence(is app.Issue) bool {
	switch is.Code {
	case "page-missing":
		if m := quoted.FindStringSubmatch(is.Message); m != nil {
			return l.hidden[path.Dir(is.File)+"/layouts/"+m[1]+".json"]
		}
	case "bad-child":
		return strings.Contains(is.Message, "does not exist") && l.partial(path.Dir(path.Dir(is.File)))
	}
	return false
}

var quoted = regexp.MustCompile(`"([^"]*)"`)

// splitErrors unpacks the joined errors of app.Load.
func splitErrors(err error) []*app.Error {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	out := make([]*app.Error, 0, len(list))
	for _, e := range list {
		var ae *app.Error
		if !errors.As(e, &ae) {
			ae = &app.Error{Err: e}
		}
		out = append(out, ae)
	}
	return out
}

// hiddenFS is fsys without the hidden files: they neither open nor list.
type hiddenFS struct {
	fsys   fs.FS
	hidden map[string]bool
}

// Open opens name unless it is hidden.
func (h hiddenFS) Open(name string) (fs.File, error) {
	if h.hidden[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return h.fsys.Open(name)
}

// Stat stats name unless it is hidden.
func (h hiddenFS) Stat(name string) (fs.FileInfo, error) {
	if h.hidden[name] {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Stat(h.fsys, name)
}

// ReadDir lists dir without its hidden files.
func (h hiddenFS) ReadDir(dir string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(h.fsys, dir)
	if err != nil || len(h.hidden) == 0 {
		return entries, err
	}
	return slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return h.hidden[path.Join(dir, e.Name())] }), nil
}
