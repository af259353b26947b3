// SPDX-License-Identifier: MIT

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/sampledata"
	"github.com/blankett/blankett/datamodels/xmljson"
)

// defaultBenchApp is the corpus app bench serves without --app: its first task
// has a form data type, and process/next completes it after a valid PUT.
const defaultBenchApp = "signing-test"

// findCorpusApp looks for shared/corpus/apps/NAME the way datamodels/testcorpus
// does: $BLANKETT_CORPUS_DIR, else shared/corpus beside a parent directory.
func findCorpusApp(name string) (string, error) {
	if d := os.Getenv("BLANKETT_CORPUS_DIR"); d != "" {
		return filepath.Join(d, "apps", name), nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		for _, c := range []string{filepath.Join(d, "shared", "corpus"), filepath.Join(d, "..", "shared", "corpus")} {
			p := filepath.Join(c, "apps", name)
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				return filepath.Clean(p), nil
			}
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("the corpus app %s was not found (set BLANKETT_CORPUS_DIR or use --app DIR)", name)
		}
	}
}

// benchApp is what bench needs to know of the app it serves.
type benchApp struct {
	Org, Name string
	a         *app.App
}

func loadBenchApp(dir string) (*benchApp, error) {
	a, err := app.Load(os.DirFS(dir), app.StandardOptions())
	if err != nil {
		return nil, fmt.Errorf("load app %s: %w", dir, err)
	}
	org, name, err := splitApp(a.Metadata.ID)
	if err != nil {
		return nil, err
	}
	return &benchApp{Org: org, Name: name, a: a}, nil
}

// sampleXML builds valid form data of dataType with sampledata, adding rows to
// repeating groups until the XML is at least size bytes (or stops growing).
func (b *benchApp) sampleXML(dataType string, size int) ([]byte, error) {
	m := b.a.Model(dataType)
	if m == nil || m.Schema == nil || m.Fields == nil {
		return nil, fmt.Errorf("data type %s has no model", dataType)
	}
	xm, err := xmljson.Compile(m.Schema)
	if err != nil {
		return nil, fmt.Errorf("compile the model of %s: %w", dataType, err)
	}
	var last []byte
	for rows := 1; rows <= 1<<14; rows *= 2 {
		var buf bytes.Buffer
		if err := xm.WriteXML(&buf, sampledata.Build(m.Fields, sampledata.Options{Rows: rows}), xmljson.WriteOptions{}); err != nil {
			return nil, fmt.Errorf("write sample XML: %w", err)
		}
		if buf.Len() >= size || buf.Len() == len(last) {
			return buf.Bytes(), nil
		}
		last = buf.Bytes()
	}
	return last, nil
}
