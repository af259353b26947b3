// SPDX-License-Identifier: MIT

package lint

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Severity ranks a Finding.
type Severity string

// The severities, most serious first.
const (
	// Error marks something that fails at runtime or is ignored outright: a
	// binding to a missing field, an expression that cannot run.
	Error Severity = "error"
	// Warning marks something that runs but probably not as meant: a text
	// missing in a language, a task nobody may complete, C# that is skipped.
	Warning Severity = "warning"
	// Info is advice: a v3 → v4 rewrite, a page that is never shown.
	Info Severity = "info"
)

// Rank orders severities: Error 3, Warning 2, Info 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch Severity(s) {
	case Error, Warning, Info:
		return Severity(s), nil
	}
	return "", fmt.Errorf("%w: %q (want error, warning or info)", ErrSeverity, s)
}

// Finding is one problem in one place.
type Finding struct {
	Severity Severity `json:"severity"`
	// Code is stable and short (binding-unknown-field, text-missing…); the
	// README lists every code.
	Code string `json:"code"`
	// File is the path in the app's file system, such as
	// App/ui/form/layouts/page1.json.
	File string `json:"file"`
	// Pointer is the JSON pointer of the offending value in File; "" means
	// the whole file. XML files (process, policy) use Line instead.
	Pointer string `json:"pointer"`
	// Line is the 1-based line in File, 0 when unknown or not needed.
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// String renders the finding on one line: severity, code, location, message.
func (f Finding) String() string {
	return fmt.Sprintf("%s %s %s: %s", f.Severity, f.Code, f.Location(), f.Message)
}

// Location renders file#pointer, or file:line for XML files.
func (f Finding) Location() string {
	switch {
	case f.Line > 0:
		return fmt.Sprintf("%s:%d", f.File, f.Line)
	case f.Pointer != "":
		return f.File + "#" + f.Pointer
	}
	return f.File
}

// Report is the result of linting one app.
type Report struct {
	// App is the app id from applicationmetadata.json ("org/app"), "" when
	// the metadata could not be read.
	App string `json:"app"`
	// Findings are sorted by file, pointer, line, code and message.
	Findings []Finding `json:"findings"`
}

// Count returns how many findings have severity s.
func (r Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// AtLeast returns how many findings are at severity s or above.
func (r Report) AtLeast(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity.Rank() >= s.Rank() {
			n++
		}
	}
	return n
}

// Codes returns the distinct finding codes, sorted.
func (r Report) Codes() []string {
	var out []string
	for _, f := range r.Findings {
		if !slices.Contains(out, f.Code) {
			out = append(out, f.Code)
		}
	}
	slices.Sort(out)
	return out
}

// normalize sorts findings and drops exact duplicates.
func normalize(fs []Finding) []Finding {
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), comparePointers(a.Pointer, b.Pointer), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Code, b.Code), cmp.Compare(a.Message, b.Message), cmp.Compare(b.Severity.Rank(), a.Severity.Rank()))
	})
	return slices.CompactFunc(fs, func(a, b Finding) bool {
		return a.File == b.File && a.Pointer == b.Pointer && a.Line == b.Line && a.Code == b.Code && a.Message == b.Message
	})
}

// comparePointers orders JSON pointers token by token, array indices by
// number, so /data/layout/2 comes before /data/layout/10.
func comparePointers(a, b string) int {
	ta, tb := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(ta) && i < len(tb); i++ {
		na, ea := strconv.Atoi(ta[i])
		nb, eb := strconv.Atoi(tb[i])
		var c int
		if ea == nil && eb == nil {
			c = cmp.Compare(na, nb)
		} else {
			c = cmp.Compare(ta[i], tb[i])
		}
		if c != 0 {
			return c
		}
	}
	return cmp.Compare(len(ta), len(tb))
}
