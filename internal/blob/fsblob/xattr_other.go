// SPDX-License-Identifier: MIT

//go:build !linux

package fsblob

import (
	"errors"
	"os"
)

// errNoXattr: extended attributes are used on Linux only; elsewhere every
// object has a sidecar.
var errNoXattr = errors.New("fsblob: extended attributes not used on this platform")

func setXattr(*os.File, []byte) error { return errNoXattr }

func getXattr(*os.File, []byte) (int, error) { return 0, errNoXattr }
