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
	Studio  studio.Config
	Runtime runtime.Config
}

func (c *serveConfig) validate() error { return c.Runtime.Validate(c.Dev, c.PublicURL) }

// runtimeConfig is the configuration of `blankett runtime`.
type runtimeConfig struct {
	config.Base
	Runtime runtime.Config
}

func (c *runtimeConfig) validate() error { return c.Runtime.Validate(c.Dev, c.PublicURL) }

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
	}, &cfg, &cfg.Base, func() []platform.Role { return []platform.Role{studio.New(cfg.Studio), runtime.New(cfg.Runtime)} })
}

func newStudioCommand() *cobra.Command {
	var cfg studioConfig
	return serverCommand(&cobra.Command{
		Use:   "studio",
		Short: "Run only the studio: designer, app repositories, releases and deploys",
	}, &cfg, &cfg.Base, func() []platform.Role { return []platform.Role{studio.New(cfg.Studio)} })
}

func newRuntimeCommand() *cobra.Command {
	var cfg runtimeConfig
	return serverCommand(&cobra.Command{
		Use:   "runtime",
		Short: "Run only the runtime: forms, instance API and process engine for deployed apps",
	}, &cfg, &cfg.Base, func() []platform.Role { return []platform.Role{runtime.New(cfg.Runtime)} })
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

// validator is a command configuration with checks beyond config.Base, run after Base
// is resolved (they depend on --dev and the public URL).
type validator interface{ validate() error }

// loadConfig applies the environment and resolves and validates base, then the roles'
// own sections, so a wrong setting is a usage error (exit 2) before anything starts.
func loadConfig(cmd *cobra.Command, cfg any, base *config.Base) error {
	if err := config.Load(cmd.Flags(), cfg, os.Getenv); err != nil {
		return usageError{err}
	}
	if err := base.Resolve(); err != nil {
		return usageError{err}
	}
	if v, ok := cfg.(validator); ok {
		if err := v.validate(); err != nil {
			return usageError{err}
		}
	}
	return nil
}
