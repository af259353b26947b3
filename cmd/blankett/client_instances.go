// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"text/tabwriter"

	"github.com/blankett/blankett/runtime/client"
	"github.com/spf13/cobra"
)

func newInstancesCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "instances",
		Short: "Query a runtime's instances through the storage API",
	}
	cmd.AddCommand(newInstancesListCommand())
	return cmd
}

func newInstancesListCommand() *cobra.Command {
	var app, prof, format string
	var complete bool
	cmd := &cobra.Command{
		Use:   "list --app org/app",
		Short: "List an app's instances, following the query's continuation links",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, _, err := splitApp(app); err != nil {
				return err
			}
			if format != "text" && format != "json" {
				return usageError{fmt.Errorf("--format must be text or json")}
			}
			p, err := loadProfile(prof)
			if err != nil {
				return err
			}
			c, err := p.newClient()
			if err != nil {
				return err
			}
			if err := checkApp(cmd.Context(), c, app); err != nil {
				return err
			}
			q := client.Query{AppID: app}
			if complete {
				t := true
				q.IsComplete = &t
			}
			out := cmd.OutOrStdout()
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			if format == "text" {
				fmt.Fprintln(tw, "ID\tTASK\tDATA\tCONFIRMED\tLAST CHANGED")
			}
			enc := json.NewEncoder(out)
			for in, err := range c.Instances(cmd.Context(), q) {
				if err != nil {
					tw.Flush()
					return err
				}
				if format == "json" {
					if err := enc.Encode(json.RawMessage(in.Raw)); err != nil {
						return err
					}
					continue
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", in.ID, task(in), len(in.Data), confirmedBy(in),
					in.LastChanged.UTC().Format("2006-01-02T15:04:05Z"))
			}
			return tw.Flush()
		},
	}
	f := cmd.Flags()
	f.StringVar(&app, "app", "", "app id, org/app")
	f.StringVar(&prof, "profile", defaultProfile, "profile saved by blankett login")
	f.BoolVar(&complete, "complete", false, "only instances whose process has ended")
	f.StringVar(&format, "format", "text", "output format: text or json (one instance per line)")
	return cmd
}

// splitApp checks an org/app argument.
func splitApp(app string) (org, name string, err error) {
	org, name, ok := strings.Cut(app, "/")
	if !ok || org == "" || name == "" || strings.Contains(name, "/") {
		return "", "", usageError{fmt.Errorf("--app must be org/app, got %q", app)}
	}
	return org, name, nil
}

// checkApp fails with a usage error when the runtime has no app named app (org/app):
// the storage query answers an unknown app with an empty list, which would make
// a misspelt --app look like an app without instances. An app whose versions
// are all undeployed has no metadata either, yet its instances are still there
// to be pulled, so one instance in storage is enough.
func checkApp(ctx context.Context, c *client.Client, app string) error {
	org, name, _ := strings.Cut(app, "/")
	_, err := c.ApplicationMetadata(ctx, org, name)
	if ae, ok := errors.AsType[*client.APIError](err); !ok || ae.Status != http.StatusNotFound {
		return err
	}
	for _, err := range c.Instances(ctx, client.Query{AppID: app, Size: 1, ExcludeData: true}) {
		if err == nil {
			return nil
		}
	}
	return usageError{fmt.Errorf("no app %s on %s", app, c.BaseURL())}
}

func task(in client.Instance) string {
	switch {
	case in.Process.CurrentTask != nil:
		return in.Process.CurrentTask.ElementID
	case in.Process.Ended != nil:
		return "(ended)"
	}
	return "-"
}

func confirmedBy(in client.Instance) string {
	var ids []string
	for _, c := range in.CompleteConfirmations {
		ids = append(ids, c.StakeholderID)
	}
	if len(ids) == 0 {
		return "-"
	}
	return strings.Join(ids, ",")
}
