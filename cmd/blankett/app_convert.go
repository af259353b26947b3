// SPDX-License-Identifier: MIT

package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
	"github.com/spf13/cobra"
)

func newConvertXSDCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "convert-xsd FILE.xsd",
		Short: "Convert an XSD to Altinn-dialect JSON Schema, written beside it as FILE.schema.json",
		Long: "Convert an XSD (with its includes and imports, read from its folder) to JSON Schema\n" +
			"draft 2020-12 in Altinn Studio's dialect, and write it as FILE.schema.json beside the XSD.\n" +
			"A construct that cannot be represented is an error naming the file, line and construct.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			src := args[0]
			if _, err := os.Stat(src); err != nil {
				return usageError{err}
			}
			schema, err := xsdjson.ConvertFile(os.DirFS(filepath.Dir(src)), filepath.Base(src), xsd.Options{})
			if err != nil {
				return err
			}
			data, err := xsdjson.Marshal(schema)
			if err != nil {
				return err
			}
			written, err := writeBeside(src, ".schema.json", out, data)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), "wrote", written)
			return err
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write here instead of beside the XSD")
	return cmd
}
