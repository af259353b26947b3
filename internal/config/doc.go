// SPDX-License-Identifier: MIT

// Package config binds typed configuration structs to command-line flags and
// BLANKETT_* environment variables, reads secrets from *_FILE variants, validates the
// result and renders it for logging with secrets redacted. Precedence: a flag given on
// the command line, then the environment, then the default in the struct tag.
//
// A field takes part when it has a `flag` tag:
//
//	Addr   string `flag:"addr" env:"ADDR" default:"127.0.0.1:8080" usage:"public listen address"`
//	Secret string `flag:"s3-secret-key" env:"S3_SECRET_KEY" secret:"true"`
//	DSN    string `flag:"database" env:"DATABASE" secret:"url"`
//
// env is prefixed with BLANKETT_. secret:"true" hides the value in logs and enables
// BLANKETT_<ENV>_FILE; secret:"url" hides only the password of a URL.
package config
