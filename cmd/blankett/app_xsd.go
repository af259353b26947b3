// SPDX-License-Identifier: MIT

package main

import (
	"fmt"
	"os"

	"github.com/blankett/blankett/datamodels/jsonxsd"
	"github.com/spf13/cobra"
)

func newJSONToXSDCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "xsd FILE.schema.json",
		Short: "Convert an Altinn-dialect JSON Schema to XSD, written beside it as FILE.xsd",
		Long: "Convert a JSON Schema in Altinn Studio's dialect (from convert-xsd, or made from scratch)\n" +
			"to XML Schema and write it as FILE.xsd beside the input. Schemas Altinn cannot turn\n" +
			"into XSD are refused with the JSON pointer of the construct.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			src := args[0]
			data, err := os.ReadFile(src)
			if err != nil {
				return usageError{err}
			}
			xsd, err := jsonxsd.Convert(data, jsonxsd.Options{})
			if err != nil {
				return err
			}
			written, err := writeBeside(src, ".xsd", out, xsd)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), "wrote", written)
			return err
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write here instead of beside the JSON Schema")
	return cmd
}
