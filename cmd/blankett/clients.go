// SPDX-License-Identifier: MIT

package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/blankett/blankett/internal/config"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/runtime"
	"github.com/spf13/cobra"
)

func newClientsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "clients",
		Short: "Register, list and remove the runtime's machine clients",
		Long: "Register, list and remove the machine clients that get platform tokens from the runtime's\n" +
			"JWT grant (deploy pipelines, back-office systems). The commands work on the runtime\n" +
			"database directly, with the same --database/--data-dir settings as `blankett migrate`.",
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newClientsAddCommand(), newClientsListCommand(), newClientsRemoveCommand())
	return cmd
}

// openClientsDB opens the runtime database named by the command's config. Unless
// --migrate=false, it first applies the runtime's pending migrations, as a server
// does at start-up, so clients can be registered before the runtime first runs.
func openClientsDB(cmd *cobra.Command, cfg *config.Base) (*dbx.DB, error) {
	if err := loadConfig(cmd, cfg, cfg); err != nil {
		return nil, err
	}
	db, err := dbx.Open(cmd.Context(), cfg.Database)
	if err != nil || !cfg.Migrate {
		return db, err
	}
	if _, err := db.Migrate(cmd.Context(), runtime.New(runtime.Config{}).Migrations(), nil); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate the runtime database: %w", err)
	}
	return db, nil
}

func newClientsAddCommand() *cobra.Command {
	var (
		cfg     config.Base
		c       runtime.MachineClient
		keyFile string
		kid     string
		scopes  []string
	)
	cmd := &cobra.Command{
		Use:   "add CLIENT_ID --org ORG --key PUBLIC_KEY --scopes SCOPE,…",
		Short: "Register a machine client with its public key and scopes",
		Example: "  blankett clients add ttd-ci --org ttd --org-number 991825827 --name \"TTD CI\" \\\n" +
			"      --key ci.pub.pem --scopes blankett:deploy",
		Args: cobra.ExactArgs(1),
	}
	config.Register(cmd.Flags(), &cfg)
	f := cmd.Flags()
	f.StringVar(&c.Org, "org", "", "service-owner code the client's tokens carry (urn:altinn:org); empty for a non-owner organisation")
	f.StringVar(&c.OrgNumber, "org-number", "", "the client organisation's 9-digit organisation number")
	f.StringVar(&c.Name, "name", "", "a name for people (default: the client id)")
	f.StringVar(&keyFile, "key", "", "public key file: PEM (PUBLIC KEY or CERTIFICATE; Ed25519, RSA ≥ 2048, EC P-256), a JWK or a JWK Set")
	f.StringVar(&kid, "key-id", "", "kid of a PEM key (default: its RFC 7638 thumbprint)")
	f.StringSliceVar(&scopes, "scopes", nil, "scopes the client may request, comma-separated (blankett:deploy, altinn:serviceowner/instances.read, …)")
	f.BoolVar(&c.Disabled, "disabled", false, "register the client locked out")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if keyFile == "" || len(scopes) == 0 {
			return usageError{errors.New("clients add needs --key and --scopes")}
		}
		if len(c.OrgNumber) != 0 && (len(c.OrgNumber) != 9 || strings.Trim(c.OrgNumber, "0123456789") != "") {
			return usageError{fmt.Errorf("--org-number %q is not 9 digits", c.OrgNumber)}
		}
		jwks, err := clientJWKS(keyFile, kid)
		if err != nil {
			return usageError{err}
		}
		c.ID, c.JWKS, c.Scopes = args[0], jwks, scopes
		if c.Name == "" {
			c.Name = c.ID
		}
		db, err := openClientsDB(cmd, &cfg)
		if err != nil {
			return err
		}
		defer db.Close()
		got, err := runtime.AddClient(cmd.Context(), db, c)
		if errors.Is(err, runtime.ErrClientInvalid) {
			return usageError{err}
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(cmd.OutOrStdout(), "registered %s (org %q, key %s, scopes %s)\n", got.ID, got.Org,
			strings.Join(got.KeyIDs(), ","), strings.Join(got.Scopes, " "))
		return nil
	}
	return cmd
}

func newClientsListCommand() *cobra.Command {
	var (
		cfg config.Base
		org string
	)
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List machine clients",
		Args:  cobra.NoArgs,
	}
	config.Register(cmd.Flags(), &cfg)
	cmd.Flags().StringVar(&org, "org", "", "only the clients of this service owner")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		db, err := openClientsDB(cmd, &cfg)
		if err != nil {
			return err
		}
		defer db.Close()
		cs, err := runtime.ListClients(cmd.Context(), db, org)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "CLIENT\tORG\tORG NUMBER\tSTATE\tKEYS\tSCOPES\tNAME")
		for _, c := range cs {
			state := "active"
			if c.Disabled {
				state = "disabled"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, dash(c.Org), dash(c.OrgNumber), state,
				dash(strings.Join(c.KeyIDs(), ",")), strings.Join(c.Scopes, " "), c.Name)
		}
		return w.Flush()
	}
	return cmd
}

func newClientsRemoveCommand() *cobra.Command {
	var cfg config.Base
	cmd := &cobra.Command{
		Use:   "remove CLIENT_ID",
		Short: "Remove a machine client; it gets no new tokens",
		Args:  cobra.ExactArgs(1),
	}
	config.Register(cmd.Flags(), &cfg)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		db, err := openClientsDB(cmd, &cfg)
		if err != nil {
			return err
		}
		defer db.Close()
		if err := runtime.RemoveClient(cmd.Context(), db, args[0]); err != nil {
			return err
		}
		fmt.Fprintf(cmd.OutOrStdout(), "removed %s\n", args[0])
		return nil
	}
	return cmd
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
