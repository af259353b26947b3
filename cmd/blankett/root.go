// SPDX-License-Identifier: MIT

package main

import (
	"github.com/spf13/cobra"
)

func newRootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:           "blankett",
		Short:         "Blankett: a low-code platform for public-sector digital services",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       buildVersion(),
	}
	root.AddCommand(newServeCommand(), newStudioCommand(), newRuntimeCommand(), newMigrateCommand(),
		newAppCommand(), newVersionCommand(), newLoginCommand(), newInstancesCommand(), newDownloadCommand(),
		newDeployCommand(), newBenchCommand())
	root.AddCommand(newClientsCommand())
	return root
}
