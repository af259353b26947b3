// SPDX-License-Identifier: MIT

package main

import (
	"github.com/blankett/blankett/internal/config"
	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/runtime"
	"github.com/blankett/blankett/studio"
	"github.com/spf13/cobra"
)

func newMigrateCommand() *cobra.Command {
	var cfg config.Base
	cmd := &cobra.Command{
		Use:   "migrate",
		Short: "Apply pending database migrations of studio and runtime, then exit",
		Long: "Apply pending database migrations of studio and runtime, then exit.\n" +
			"Servers also migrate at start-up unless started with --migrate=false.",
		Args: cobra.NoArgs,
	}
	config.Register(cmd.Flags(), &cfg)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		if err := loadConfig(cmd, &cfg, &cfg); err != nil {
			return err
		}
		roles := []platform.Role{studio.New(studio.Config{}), runtime.New(runtime.Config{})}
		return platform.Migrate(cmd.Context(), cfg, roles, cmd.OutOrStdout())
	}
	return cmd
}
