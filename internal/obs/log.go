// SPDX-License-Identifier: MIT

package obs

import (
	"fmt"
	"io"
	"log/slog"
)

// NewLogger returns a slog logger writing JSON (format "json") or logfmt-like text
// (format "text") at level and above. Unknown values are an error, not a silent default.
func NewLogger(w io.Writer, level, format string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("obs: log level %q: %w", level, err)
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch format {
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("obs: log format %q: want json or text", format)
}
