// SPDX-License-Identifier: MIT

package client

import (
	"io"
	"io/fs"

	"github.com/blankett/blankett/internal/bundle"
)

// ErrBundle reports an app directory that cannot be packed, or a bundle that
// does not name its app. It is internal/bundle's error, shared with studio's
// releases, which pack bundles the same way.
var ErrBundle = bundle.ErrInvalid

// PackDir packs the app repository in dir (the folder holding App/) as a release
// bundle; see WriteBundle.
func PackDir(dir string) ([]byte, error) { return bundle.PackDir(dir) }

// WriteBundle writes the files of fsys to w as a release bundle, the gzip'ed tar
// that the runtime's deploy API takes: regular files only, in lexical order,
// with fixed times and modes, so the same files always give the same bytes.
// Files and folders whose names start with "." (.git, .vscode) are left out;
// a symbolic link or other special file is ErrBundle, since the runtime refuses
// them.
func WriteBundle(w io.Writer, fsys fs.FS) error { return bundle.Write(w, fsys) }

// BundleApp returns the org and app a bundle's App/config/applicationmetadata.json
// names in its id ("org/app"), so a deploy can address the right URL.
func BundleApp(b []byte) (org, app string, err error) { return bundle.App(b) }
