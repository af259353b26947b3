// SPDX-License-Identifier: MIT

package config

import (
	"fmt"
	"log/slog"
	"net/url"
	"strings"
)

// Redacted is the text that stands in for a secret in logs.
const Redacted = "[redacted]"

// Attrs renders every tagged field of cfg as a log attribute named after its flag,
// with secrets replaced by Redacted (or, for secret:"url", the URL's password and any
// password= parameter), so the effective configuration can be logged at start-up.
func Attrs(cfg any) []slog.Attr {
	var out []slog.Attr
	for _, f := range fields(cfg) {
		val := f.v.Interface()
		switch f.secret {
		case "true":
			if s := fmt.Sprint(val); s != "" {
				val = Redacted
			}
		case "url":
			val = RedactURL(fmt.Sprint(val))
		}
		out = append(out, slog.Any(f.flag, val))
	}
	return out
}

// RedactURL hides the password in a URL ("postgres://u:secret@h/db") or in a key=value
// DSN ("host=h password=secret"), leaving everything else readable.
func RedactURL(s string) string {
	if s == "" {
		return s
	}
	const mark = "REDACTEDPASSWORD"
	if u, err := url.Parse(s); err == nil && u.Scheme != "" {
		if u.User != nil {
			if _, has := u.User.Password(); has {
				u.User = url.UserPassword(u.User.Username(), mark)
			}
		}
		if q := u.Query(); q.Has("password") {
			q.Set("password", mark)
			u.RawQuery = q.Encode()
		}
		return strings.ReplaceAll(u.String(), mark, Redacted)
	}
	parts := strings.Fields(s)
	for i, p := range parts {
		if k, _, ok := strings.Cut(p, "="); ok && strings.EqualFold(k, "password") {
			parts[i] = k + "=" + Redacted
		}
	}
	return strings.Join(parts, " ")
}
