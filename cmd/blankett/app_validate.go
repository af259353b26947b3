// SPDX-License-Identifier: MIT

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/blankett/blankett/datamodels/validate"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
	"github.com/spf13/cobra"
)

func newValidateDataCommand() *cobra.Command {
	var model, lang, format string
	cmd := &cobra.Command{
		Use:   "validate-data --model MODEL FILE.xml|FILE.json",
		Short: "Validate form data (XML or JSON) against a data model (.xsd or .schema.json)",
		Long: "Validate an instance against a data model: XSD facets, patterns, digits, dates and\n" +
			"occurrence included. Prints one line per issue (binding path, message, code) and\n" +
			"exits 1 when the data is invalid, 0 when it is valid.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if model == "" {
				return usageError{fmt.Errorf("--model is required")}
			}
			if format != "text" && format != "json" {
				return usageError{fmt.Errorf("--format %q: want text or json", format)}
			}
			v, err := compileModel(model, lang)
			if err != nil {
				return err
			}
			f, err := os.Open(args[0])
			if err != nil {
				return usageError{err}
			}
			defer f.Close()
			var res *validate.Result
			switch strings.ToLower(filepath.Ext(args[0])) {
			case ".xml":
				res, err = v.ValidateXML(f)
			case ".json":
				res, err = v.ValidateJSON(f)
			default:
				return usageError{fmt.Errorf("%s: want a .xml or .json file", args[0])}
			}
			if err != nil {
				return err
			}
			return reportIssues(cmd, res.Issues, format)
		},
	}
	cmd.Flags().StringVar(&model, "model", "", "the data model: FILE.xsd or FILE.schema.json")
	cmd.Flags().StringVar(&lang, "lang", "en", "language of the messages: nb, nn or en")
	cmd.Flags().StringVar(&format, "format", "text", "output: text or json")
	return cmd
}

// compileModel compiles an XSD (converted first) or a JSON Schema in Altinn's dialect.
func compileModel(path, lang string) (*validate.Validator, error) {
	opts := validate.Options{Language: lang}
	if strings.EqualFold(filepath.Ext(path), ".xsd") {
		doc, err := xsdjson.ConvertFile(os.DirFS(filepath.Dir(path)), filepath.Base(path), xsd.Options{})
		if err != nil {
			return nil, err
		}
		return validate.Compile(doc, opts)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageError{err}
	}
	return validate.CompileJSON(data, opts)
}

// errInvalidData makes the command exit 1 after the issues are printed.
var errInvalidData = fmt.Errorf("data is invalid")

func reportIssues(cmd *cobra.Command, issues []validate.Issue, format string) error {
	out := cmd.OutOrStdout()
	if format == "json" {
		if issues == nil {
			issues = []validate.Issue{}
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(issues); err != nil {
			return err
		}
	} else {
		for _, is := range issues {
			where := is.Path
			if where == "" {
				where = "(root)"
			}
			fmt.Fprintf(out, "%s: %s [%s]\n", where, is.Message, is.Code)
		}
		if len(issues) == 0 {
			fmt.Fprintln(out, "valid")
		}
	}
	if len(issues) > 0 {
		noun := "issues"
		if len(issues) == 1 {
			noun = "issue"
		}
		return fmt.Errorf("%w: %d %s", errInvalidData, len(issues), noun)
	}
	return nil
}
