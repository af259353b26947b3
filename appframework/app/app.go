// SPDX-License-Identifier: MIT

package app

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/blankett/blankett/appframework/expr"
)

// Generation is the generation of the ui/ folder an app was written in.
type Generation string

// The ui/ generations (reference §1.2), oldest first.
const (
	NoUI        Generation = "none"         // an API-only app with no ui/ folder
	FormLayout  Generation = "FormLayout"   // lib 1.x: one page in ui/FormLayout.json
	Layouts     Generation = "layouts"      // lib ≥1.3.1: ui/layouts/*.json + ui/Settings.json
	LayoutSets  Generation = "layout-sets"  // lib ≥3.1.4, mandatory in v8: ui/layout-sets.json
	TaskFolders Generation = "task-folders" // v9: ui/<taskId>/Settings.json, no layout-sets.json
)

// App is a loaded app repository.
type App struct {
	// Root is the folder in the fs.FS that holds config/, models/, ui/
	// ("App/", or "" for repositories without the App/ level).
	Root       string
	Metadata   *Metadata
	Generation Generation
	// LayoutSets are in layout-sets.json order, or folder order for v9;
	// apps without layout sets have one set with ID "".
	LayoutSets []*LayoutSet
	// UISettings is the global uiSettings of layout-sets.json, or v9's
	// ui/Settings.json.
	UISettings *Settings
	// Models are the data models by name (the file's base name, which by
	// convention is the data type id).
	Models map[string]*Model
	// Texts are the text resources by language code.
	Texts map[string]*Texts
	// OptionLists are the static code lists of options/ by id.
	OptionLists map[string]*OptionList
	// DataLists are the static data lists of datalists/ by id.
	DataLists map[string]*DataList
	// Validations and Calculations are models/<dataType>.validation.json and
	// .calculation.json by data type id.
	Validations  map[string]*Validation
	Calculations map[string]*Calculation
	Process      *ProcessFile
	Policy       *PolicyFile
	Footer       *RawFile
	// AppSettings is appsettings.json; FrontendSettings is its
	// FrontEndSettings section, for expressions and text variables.
	AppSettings      *RawFile
	FrontendSettings map[string]expr.Value
	// LibVersion is the Altinn.App.Api version in App.csproj ("" if unknown)
	// and FrontendMajor the app-frontend major in Index.cshtml (0 if unknown).
	LibVersion    string
	FrontendMajor int
	// Issues are the warnings and v3 → v4 rewrites found while loading.
	Issues []Issue
}

// RawFile is a file kept as bytes.
type RawFile struct {
	File string
	Data []byte
}

// ProcessFile is config/process/process.bpmn. Definition is where the
// parsed BPMN goes: Load fills it through Options.ParseProcess, which the
// app framework wires to appframework/process.
type ProcessFile struct {
	RawFile
	Definition any
}

// PolicyFile is config/authorization/policy.xml. Definition is where the
// parsed XACML policy goes, through Options.ParsePolicy (appframework/policy).
type PolicyFile struct {
	RawFile
	Definition any
}

// Options tune Load. The zero value is ready to use.
type Options struct {
	// ParseProcess, when set, parses process.bpmn into ProcessFile.Definition;
	// its error is reported against the file.
	ParseProcess func(file string, data []byte) (any, error)
	// ParsePolicy does the same for policy.xml and PolicyFile.Definition.
	ParsePolicy func(file string, data []byte) (any, error)
	// MaxFileBytes caps each file read (default 16 MiB).
	MaxFileBytes int64
	// MaxFiles caps the number of files read (default 10 000).
	MaxFiles int
}

// rootCandidates are the places applicationmetadata.json is looked for, in
// order. An array, so no caller can change the search for the others.
var rootCandidates = [...]string{"App/", "", "src/App/"}

// Load reads the app in fsys, whose root is the app repository (the folder
// holding App/). It returns every problem found, joined; each is an *Error.
func Load(fsys fs.FS, opts Options) (*App, error) {
	l := newLoader(fsys, opts)
	root := ""
	found := false
	for _, c := range rootCandidates {
		if l.exists(c + "config/applicationmetadata.json") {
			root, found = c, true
			break
		}
	}
	if !found {
		return nil, &Error{File: "App/config/applicationmetadata.json", Err: fmt.Errorf("%w: no config/applicationmetadata.json under App/ or the root", ErrNotApp)}
	}
	a := &App{Root: root, Models: map[string]*Model{}, Texts: map[string]*Texts{}, OptionLists: map[string]*OptionList{},
		DataLists:   map[string]*DataList{},
		Validations: map[string]*Validation{}, Calculations: map[string]*Calculation{}}
	l.app = a
	l.loadMetadata()
	if a.Metadata == nil {
		return nil, l.p.err()
	}
	l.loadModels()
	l.loadTexts()
	l.loadOptions()
	l.loadDataLists()
	l.loadProcessAndPolicy()
	l.loadAppSettings()
	l.loadVersions()
	l.loadUI()
	a.Issues = l.p.issues
	if err := l.p.err(); err != nil {
		return nil, err
	}
	return a, nil
}

func (l *loader) loadMetadata() {
	file := l.app.Root + "config/applicationmetadata.json"
	data, ok := l.read(file)
	if !ok {
		return
	}
	m := &Metadata{File: file}
	if e := decodeFile(file, data, m); e != nil {
		l.p.add(e)
		return
	}
	m.Raw = relax(data)
	seen := map[string]int{}
	for i, d := range m.DataTypes {
		if d == nil || d.ID == "" {
			l.p.add(fileErr(file, fmt.Sprintf("/dataTypes/%d/id", i), ErrInvalid, "data type without id"))
			continue
		}
		if j, dup := seen[d.ID]; dup {
			l.p.add(fileErr(file, fmt.Sprintf("/dataTypes/%d/id", i), ErrInvalid, "data type %q is also /dataTypes/%d", d.ID, j))
		}
		seen[d.ID] = i
	}
	m.DataTypes = slices.DeleteFunc(m.DataTypes, func(d *DataType) bool { return d == nil })
	l.app.Metadata = m
}

func (l *loader) loadProcessAndPolicy() {
	a := l.app
	if file := a.Root + "config/process/process.bpmn"; l.exists(file) {
		if data, ok := l.read(file); ok {
			a.Process = &ProcessFile{RawFile: RawFile{File: file, Data: data}}
			if l.opts.ParseProcess != nil {
				def, err := l.opts.ParseProcess(file, data)
				if err != nil {
					l.p.add(&Error{File: file, Err: err})
				}
				a.Process.Definition = def
			}
		}
	}
	if file := a.Root + "config/authorization/policy.xml"; l.exists(file) {
		if data, ok := l.read(file); ok {
			a.Policy = &PolicyFile{RawFile: RawFile{File: file, Data: data}}
			if l.opts.ParsePolicy != nil {
				def, err := l.opts.ParsePolicy(file, data)
				if err != nil {
					l.p.add(&Error{File: file, Err: err})
				}
				a.Policy.Definition = def
			}
		}
	}
}

// LayoutSet returns the layout set with id, or nil.
func (a *App) LayoutSet(id string) *LayoutSet {
	for _, s := range a.LayoutSets {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// LayoutSetForTask returns the layout set used in the process task taskID,
// or nil. Apps without layout sets use their one set for every task.
func (a *App) LayoutSetForTask(taskID string) *LayoutSet {
	for _, s := range a.LayoutSets {
		if slices.Contains(s.Tasks, taskID) {
			return s
		}
	}
	if len(a.LayoutSets) == 1 && a.LayoutSets[0].ID == "" {
		return a.LayoutSets[0]
	}
	return nil
}

// Languages returns the languages with texts, sorted with nb, nn, en first.
func (a *App) Languages() []string {
	var out []string
	for lang := range a.Texts {
		out = append(out, lang)
	}
	rank := func(l string) string {
		switch l {
		case "nb":
			return "0"
		case "nn":
			return "1"
		case "en":
			return "2"
		}
		return "3" + l
	}
	slices.SortFunc(out, func(x, y string) int { return strings.Compare(rank(x), rank(y)) })
	return out
}
