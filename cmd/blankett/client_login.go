// SPDX-License-Identifier: MIT

package main

import (
	"fmt"
	"path/filepath"

	"github.com/blankett/blankett/runtime/client"
	"github.com/spf13/cobra"
)

func newLoginCommand() *cobra.Command {
	var p profile
	var name string
	cmd := &cobra.Command{
		Use:   "login --url URL --client-id ID --key FILE",
		Short: "Save a profile for a runtime's storage API and check it by fetching a token",
		Long: "login stores the runtime URL, machine client id, private key path and scopes as a profile in\n" +
			"the user config folder (blankett/profiles.json, mode 0600), after checking that the key\n" +
			"gets a token from the runtime's JWT grant.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if p.URL == "" || p.ClientID == "" || p.KeyFile == "" {
				return usageError{fmt.Errorf("login needs --url, --client-id and --key")}
			}
			abs, err := filepath.Abs(p.KeyFile)
			if err != nil {
				return usageError{err}
			}
			p.KeyFile = abs
			c, err := p.newClient()
			if err != nil {
				return err
			}
			if _, err := c.Token(cmd.Context()); err != nil {
				return fmt.Errorf("login as %s at %s: %w", p.ClientID, p.URL, err)
			}
			pf, path, err := loadProfiles()
			if err != nil {
				return err
			}
			pf.Profiles[name] = p
			if err := saveProfiles(pf, path); err != nil {
				return fmt.Errorf("save profile: %w", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Logged in to %s as %s; profile %q saved in %s\n", p.URL, p.ClientID, name, path)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&p.URL, "url", "", "base URL of the runtime, e.g. https://forms.example.no")
	f.StringVar(&p.ClientID, "client-id", "", "machine client id registered at the runtime")
	f.StringVar(&p.KeyFile, "key", "", "PEM file with the client's private key (Ed25519, RSA or EC P-256)")
	f.StringVar(&p.KeyID, "key-id", "", "kid of the key, when the client has several")
	f.StringSliceVar(&p.Scopes, "scope", client.DefaultScopes, "scopes to request")
	f.StringVar(&name, "profile", defaultProfile, "profile name")
	return cmd
}
