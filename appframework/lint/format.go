// SPDX-License-Identifier: MIT

package lint

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteText writes one line per finding and a summary line, for people.
func WriteText(w io.Writer, r Report) error {
	for _, f := range r.Findings {
		if _, err := fmt.Fprintln(w, f.String()); err != nil {
			return err
		}
	}
	name := r.App
	if name == "" {
		name = "app"
	}
	_, err := fmt.Fprintf(w, "%s: %d errors, %d warnings, %d info\n", name, r.Count(Error), r.Count(Warning), r.Count(Info))
	return err
}

// jsonReport is the JSON form of a Report: counts first, then findings.
type jsonReport struct {
	App      string         `json:"app"`
	Counts   map[string]int `json:"counts"`
	Findings []Finding      `json:"findings"`
}

// WriteJSON writes the report as one indented JSON object with the app id,
// the count per severity and the findings.
func WriteJSON(w io.Writer, r Report) error {
	out := jsonReport{App: r.App, Findings: r.Findings,
		Counts: map[string]int{string(Error): r.Count(Error), string(Warning): r.Count(Warning), string(Info): r.Count(Info)}}
	if out.Findings == nil {
		out.Findings = []Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// Write writes the report in format "text" or "json".
func Write(w io.Writer, r Report, format string) error {
	switch format {
	case "", "text":
		return WriteText(w, r)
	case "json":
		return WriteJSON(w, r)
	}
	return fmt.Errorf("%w: %q (want text or json)", ErrFormat, format)
}
