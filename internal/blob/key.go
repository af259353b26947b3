// SPDX-License-Identifier: MIT

package blob

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ValidKey reports whether key may name an object. Keys are relative slash-separated
// paths: the same key must mean the same thing on a filesystem and in S3, and must
// never be able to reach outside the store, so anything a path resolver would
// reinterpret ("." or ".." segments, empty segments, a leading slash, backslashes)
// or a terminal could misrender (control characters, invalid UTF-8) is refused.
// The error wraps ErrInvalidKey.
func ValidKey(key string) error {
	if key == "" {
		return keyError(key, "empty")
	}
	if err := checkChars(key); err != nil {
		return err
	}
	if strings.HasPrefix(key, "/") {
		return keyError(key, "absolute path")
	}
	for seg := range strings.SplitSeq(key, "/") {
		if err := checkSegment(key, seg); err != nil {
			return err
		}
	}
	return nil
}

// ValidPrefix reports whether prefix may be passed to Store.List. Every complete
// segment follows the ValidKey rules; the last segment may be empty or partial
// ("a/." is the prefix of "a/.env"). The empty prefix lists everything.
func ValidPrefix(prefix string) error {
	if prefix == "" {
		return nil
	}
	if err := checkChars(prefix); err != nil {
		return err
	}
	if strings.HasPrefix(prefix, "/") {
		return keyError(prefix, "absolute path")
	}
	segs := strings.Split(prefix, "/")
	for _, seg := range segs[:len(segs)-1] {
		if err := checkSegment(prefix, seg); err != nil {
			return err
		}
	}
	return nil
}

// checkChars applies the rules that do not depend on segments.
func checkChars(key string) error {
	if len(key) > MaxKeyLen {
		return keyError(key, fmt.Sprintf("longer than %d bytes", MaxKeyLen))
	}
	if !utf8.ValidString(key) {
		return keyError(key, "invalid UTF-8")
	}
	for _, r := range key {
		switch {
		case r == '\\':
			return keyError(key, "backslash")
		case unicode.IsControl(r):
			return keyError(key, "control character")
		}
	}
	return nil
}

func checkSegment(key, seg string) error {
	switch seg {
	case "":
		return keyError(key, "empty segment")
	case ".", "..":
		return keyError(key, fmt.Sprintf("%q segment", seg))
	}
	return nil
}

// keyError quotes at most 64 bytes of the key: keys come from requests and
// may be long or hostile, and errors end up in logs.
func keyError(key, reason string) error {
	if len(key) > 64 {
		key = key[:64] + "…"
	}
	return fmt.Errorf("blob: key %q: %s: %w", key, reason, ErrInvalidKey)
}
