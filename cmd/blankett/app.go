// SPDX-License-Identifier: MIT

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

// newAppCommand groups the offline tools for app repositories and data models. They
// need no server and no database.
func newAppCommand() *cobra.Command {
	app := &cobra.Command{
		Use:   "app",
		Short: "Offline tools for apps and data models: convert, validate",
	}
	app.AddCommand(newConvertXSDCommand(), newJSONToXSDCommand(), newValidateDataCommand(), newLintCommand(), newDiffCommand())
	return app
}

// writeBeside writes data to the file named like src with its extension replaced by
// ext (or to out when given), atomically, and returns the path written.
func writeBeside(src, ext, out string, data []byte) (string, error) {
	if out == "" {
		base := strings.TrimSuffix(src, filepath.Ext(src))
		base = strings.TrimSuffix(base, ".schema")
		out = base + ext
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".blankett-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return "", fmt.Errorf("write %s: %w", out, err)
	}
	return out, nil
}
