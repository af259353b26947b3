// SPDX-License-Identifier: MIT

package main

import (
	"fmt"
	"os"

	"github.com/blankett/blankett/appframework/lint"
	"github.com/spf13/cobra"
)

// findingsError is returned when lint finds problems at or above the
// --fail-on severity, so the process exits 1 for CI.
type findingsError struct {
	n        int
	severity lint.Severity
}

func (e findingsError) Error() string {
	return fmt.Sprintf("lint: %d findings at or above %s", e.n, e.severity)
}

func newLintCommand() *cobra.Command {
	var format, failOn string
	cmd := &cobra.Command{
		Use:   "lint DIR",
		Short: "Check an app repository: bindings, texts, options, expressions, process, policy, C#",
		Long: "Check the app repository in DIR (the folder holding App/) and print one finding per line:\n" +
			"severity, code, file#pointer (or file:line) and message. Codes are explained in\n" +
			"appframework/README.md. Exit code 1 when a finding is at or above --fail-on, 2 for bad\n" +
			"arguments, 0 otherwise.",
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			threshold, err := lint.ParseSeverity(failOn)
			if err != nil || threshold == lint.Info {
				return usageError{fmt.Errorf("--fail-on %q: want error or warning", failOn)}
			}
			if format != "text" && format != "json" {
				return usageError{fmt.Errorf("--format %q: want text or json", format)}
			}
			if st, err := os.Stat(args[0]); err != nil || !st.IsDir() {
				return usageError{fmt.Errorf("%s is not a folder", args[0])}
			}
			r, err := lint.Lint(os.DirFS(args[0]))
			if err != nil {
				return usageError{err}
			}
			if err := lint.Write(cmd.OutOrStdout(), r, format); err != nil {
				return err
			}
			if n := r.AtLeast(threshold); n > 0 {
				return findingsError{n, threshold}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&failOn, "fail-on", "error", "exit 1 when a finding is at or above this severity: error or warning")
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	return cmd
}

// usageArgs marks argument count errors as usage errors (exit code 2).
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
