// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/getkin/kin-openapi/openapi3"
)

func main() {
	in := flag.String("in", "studio/api/openapi.yaml", "the OpenAPI document")
	out := flag.String("out", "designer-ui/src/api/types.ts", "the TypeScript file to write")
	flag.Parse()
	if err := run(context.Background(), *in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "tsgen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, in, out string) error {
	src, err := generateFile(ctx, in)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}

// generateFile loads the document at path and generates its declarations.
func generateFile(ctx context.Context, path string) ([]byte, error) {
	l := openapi3.NewLoader()
	l.Context = ctx
	doc, err := l.LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return Generate(doc, path)
}
