// SPDX-License-Identifier: MIT

package main

import (
	"fmt"
	"os"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/appframework/diff"
	"github.com/spf13/cobra"
)

func newDiffCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "diff DIR_A DIR_B",
		Short: "Say what changed between two versions of an app, in service-owner terms",
		Long: "Compare the app repositories DIR_A (before) and DIR_B (after) and print one change per\n" +
			"line: components, pages, layout sets, texts per language, option lists, data model fields,\n" +
			"data types, tasks, policy rules and settings that were added, removed, changed or renamed.",
		Args: usageArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageError{fmt.Errorf("--format %q: want text or json", format)}
			}
			var apps [2]*app.App
			for i, dir := range args {
				if st, err := os.Stat(dir); err != nil || !st.IsDir() {
					return usageError{fmt.Errorf("%s is not a folder", dir)}
				}
				a, err := app.Load(os.DirFS(dir), app.StandardOptions())
				if err != nil {
					return fmt.Errorf("app diff: %s does not load (run blankett app lint %s): %w", dir, dir, err)
				}
				apps[i] = a
			}
			changes := diff.Diff(apps[0], apps[1])
			if format == "json" {
				return diff.WriteJSON(cmd.OutOrStdout(), changes)
			}
			return diff.WriteText(cmd.OutOrStdout(), changes)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	return cmd
}
