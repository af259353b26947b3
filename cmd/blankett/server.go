// SPDX-License-Identifier: MIT

package main

import (
	"os"

	"github.com/blankett/blankett/internal/config"
	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/runtime"
	"github.com/blankett/blankett/studio"
	"github.com/spf13/cobra"
)

// serveConfig is the configuration of `blankett serve`: both roles on one listener.
type serveConfig struct {
	config.Base
	Studio studio.Config
}

// studioConfig is the configuration of `blankett studio`.
type studioConfig struct {
	config.Base
	Studio studio.Config
}

func newServeCommand() *cobra.Command {
	var cfg serveConfig
	return serverCommand(&cobra.Command{
		Use:   "serve",
		Short: "Run studio and runtime together on one listener (the default for one machine)",
	}, &cfg, &cfg.Base, func() []platform.Role { return []platform.Role{studio.New(cfg.Studio), runtime.New()} })
}

func newStudioCommand() *cobra.Command {
	var cfg studioConfig
	return serverCommand(&cobra.Command{
		Use:   "studio",
		Short: "Run only the studio: designer, app repositories, releases and deploys",
	}, &cfg, &cfg.Base, func() []platform.Role { return []platform.Role{studio.New(cfg.Studio)} })
}

func newRuntimeCommand() *cobra.Command {
	var cfg config.Base
	return serverCommand(&cobra.Command{
		Use:   "runtime",
		Short: "Run only the runtime: forms, instance API and process engine for deployed apps",
	}, &cfg, &cfg, func() []platform.Role { return []platform.Role{runtime.New()} })
}

// serverCommand binds cfg to cmd's flags and the environment and runs the roles.
// base points into cfg; roles is called after the configuration is loaded.
func serverCommand(cmd *cobra.Command, cfg any, base *config.Base, roles func() []platform.Role) *cobra.Command {
	cmd.Args = cobra.NoArgs
	config.Register(cmd.Flags(), cfg)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		if err := loadConfig(cmd, cfg, base); err != nil {
			return err
		}
		return platform.Run(cmd.Context(), *base, platform.Options{
			Version: buildVersion(), Logs: os.Stderr, Effective: cfg, Roles: roles(),
		})
	}
	return cmd
}

// loadConfig applies the environment and resolves and validates base.
func loadConfig(cmd *cobra.Command, cfg any, base *config.Base) error {
	if err := config.Load(cmd.Flags(), cfg, os.Getenv); err != nil {
		return usageError{err}
	}
	if err := base.Resolve(); err != nil {
		return usageError{err}
	}
	return nil
}
