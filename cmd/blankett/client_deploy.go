// SPDX-License-Identifier: MIT

package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/blankett/blankett/runtime/client"
	"github.com/spf13/cobra"
)

// deployTarget is the runtime and identity the deploy commands use.
type deployTarget struct {
	runtime, profile string
}

func (d *deployTarget) flags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&d.runtime, "runtime", "", "base URL of the runtime (default: the profile's URL)")
	cmd.Flags().StringVar(&d.profile, "profile", defaultProfile, "profile saved by blankett login")
}

// client builds an API client from the profile that asks for the deploy scope
// only: a deploy client need not hold the instance scopes, and asking for a
// scope the client lacks fails the token request. With --runtime and
// BLANKETT_TOKEN no profile is needed.
func (d *deployTarget) client() (*client.Client, error) {
	p, err := loadProfile(d.profile)
	var ue usageError
	switch {
	case err == nil:
	case errors.As(err, &ue) && d.runtime != "" && os.Getenv(envToken) != "":
		p = profile{}
	default:
		return nil, err
	}
	if d.runtime != "" {
		p.URL = d.runtime
	}
	p.Scopes = []string{client.ScopeDeploy}
	return p.newClient()
}

func newDeployCommand() *cobra.Command {
	var t deployTarget
	var src, version string
	cmd := &cobra.Command{
		Use:   "deploy --app DIR|BUNDLE --version VERSION",
		Short: "Deploy an app release to a runtime; list and undeploy releases",
		Long: "deploy packs the app repository in DIR (the folder holding App/; files and folders starting\n" +
			"with \".\" are left out) or takes a bundle file (a gzip'ed tar of such a folder) and uploads it\n" +
			"to the runtime as VERSION of the app its applicationmetadata.json names. The runtime lints it\n" +
			"and refuses it on lint errors, which are listed; otherwise it becomes the app's current\n" +
			"version. Deploying the same files under the same version again makes that version current\n" +
			"again. The machine client of the profile (blankett login) needs the scope blankett:deploy\n" +
			"and may deploy only its own organisation's apps.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if src == "" || version == "" {
				return usageError{fmt.Errorf("deploy needs --app DIR|BUNDLE and --version")}
			}
			bundle, err := readBundle(src)
			if err != nil {
				return err
			}
			org, app, err := client.BundleApp(bundle)
			if err != nil {
				return usageError{fmt.Errorf("%s: %w", src, err)}
			}
			c, err := t.client()
			if err != nil {
				return err
			}
			rel, err := c.Deploy(cmd.Context(), org, app, version, bundle)
			if err != nil {
				printFindings(cmd.ErrOrStderr(), err)
				return fmt.Errorf("deploy %s/%s %s to %s: %w", org, app, version, c.BaseURL(), err)
			}
			out := cmd.OutOrStdout()
			if rel.Created {
				fmt.Fprintf(out, "Deployed %s %s to %s (%d bytes, sha256 %s); it is the current version.\n",
					rel.ID, rel.Version, c.BaseURL(), rel.Size, rel.SHA256)
			} else {
				fmt.Fprintf(out, "%s %s was deployed before with the same files; it is the current version again.\n", rel.ID, rel.Version)
			}
			if rel.Warnings > 0 {
				fmt.Fprintf(out, "%d lint warnings (blankett app lint lists them).\n", rel.Warnings)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&src, "app", "", "app repository folder, or a bundle file (.tar.gz)")
	cmd.Flags().StringVar(&version, "version", "", "release version, e.g. v1.2.0 (letters, digits, '.', '_', '-')")
	t.flags(cmd)
	cmd.AddCommand(newDeployListCommand(), newUndeployCommand())
	return cmd
}

// readBundle packs a folder or reads a bundle file.
func readBundle(src string) ([]byte, error) {
	fi, err := os.Stat(src)
	if err != nil {
		return nil, usageError{err}
	}
	if fi.IsDir() {
		b, err := client.PackDir(src)
		if err != nil {
			return nil, usageError{fmt.Errorf("pack %s: %w", src, err)}
		}
		return b, nil
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return nil, usageError{err}
	}
	return b, nil
}

// printFindings lists the lint errors of a refused deploy, one a line.
func printFindings(w io.Writer, err error) {
	var de *client.DeployError
	if !errors.As(err, &de) {
		return
	}
	for _, f := range de.Findings {
		fmt.Fprintf(w, "%s %s %s: %s\n", f.Severity, f.Code, f.Location, f.Message)
	}
}
