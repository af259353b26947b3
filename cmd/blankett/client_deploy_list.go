// SPDX-License-Identifier: MIT

package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/blankett/blankett/runtime/client"
	"github.com/spf13/cobra"
)

func newDeployListCommand() *cobra.Command {
	var t deployTarget
	var app, format string
	cmd := &cobra.Command{
		Use:   "list [--app org/app]",
		Short: "List the releases of your organisation's apps on a runtime",
		Long: "list shows every release the runtime holds for the profile's organisation (or for one app):\n" +
			"version, state (current, active or undeployed), when and by whom it was deployed, and the\n" +
			"start of its SHA-256. Undeployed releases stay until purged, for the instances created with them.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return usageError{fmt.Errorf("--format must be text or json")}
			}
			var org, name string
			if app != "" {
				var err error
				if org, name, err = splitApp(app); err != nil {
					return err
				}
			}
			c, err := t.client()
			if err != nil {
				return err
			}
			rels, err := c.Releases(cmd.Context(), org, name)
			if err != nil {
				return fmt.Errorf("list releases at %s: %w", c.BaseURL(), err)
			}
			if format == "json" {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(rels)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "APP\tVERSION\tSTATE\tDEPLOYED\tBY\tSHA256")
			for _, r := range rels {
				sha := r.SHA256
				if len(sha) > 12 {
					sha = sha[:12]
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Version, state(r), r.DeployedAt.Local().Format(time.DateTime), r.DeployedBy, sha)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if len(rels) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "No releases.")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&app, "app", "", "only this app, org/app")
	cmd.Flags().StringVar(&format, "format", "text", "text or json")
	t.flags(cmd)
	return cmd
}

func state(r client.Release) string {
	switch {
	case r.Current:
		return "current"
	case r.Active:
		return "active"
	}
	return "undeployed"
}

func newUndeployCommand() *cobra.Command {
	var t deployTarget
	var app, version string
	var purge bool
	cmd := &cobra.Command{
		Use:   "undeploy --app org/app --version VERSION [--purge]",
		Short: "Take a release out of service, or remove it",
		Long: "undeploy stops new instances from getting the release; instances created with it keep\n" +
			"working, and the app's current version becomes the active release deployed last. With --purge\n" +
			"an undeployed release that no instance was created with is removed for good.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			org, name, err := splitApp(app)
			if err != nil {
				return err
			}
			if version == "" {
				return usageError{fmt.Errorf("undeploy needs --version")}
			}
			c, err := t.client()
			if err != nil {
				return err
			}
			if err := c.Undeploy(cmd.Context(), org, name, version, purge); err != nil {
				return fmt.Errorf("undeploy %s %s at %s: %w", app, version, c.BaseURL(), err)
			}
			what := "undeployed"
			if purge {
				what = "purged"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s %s %s.\n", app, version, what)
			return nil
		},
	}
	cmd.Flags().StringVar(&app, "app", "", "app id, org/app")
	cmd.Flags().StringVar(&version, "version", "", "release version")
	cmd.Flags().BoolVar(&purge, "purge", false, "remove an undeployed release that no instance uses, for good")
	t.flags(cmd)
	return cmd
}
