// SPDX-License-Identifier: MIT

package client

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"time"
)

// ErrBundle reports an app directory that cannot be packed, or a bundle that
// does not name its app.
var ErrBundle = errors.New("client: invalid release bundle")

// metadataPath is where a bundle names its app.
const metadataPath = "App/config/applicationmetadata.json"

// bundleTime is every entry's modification time, so that packing the same files
// twice gives the same bytes and a repeated deploy of a version is a no-op
// rather than a conflict.
var bundleTime = time.Unix(0, 0).UTC()

// PackDir packs the app repository in dir (the folder holding App/) as a release
// bundle; see WriteBundle.
func PackDir(dir string) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBundle, err)
	}
	defer root.Close()
	var buf bytes.Buffer
	if err := WriteBundle(&buf, root.FS()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteBundle writes the files of fsys to w as a release bundle, the gzip'ed tar
// that the runtime's deploy API takes: regular files only, in lexical order,
// with fixed times and modes, so the same files always give the same bytes.
// Files and folders whose names start with "." (.git, .vscode) are left out;
// a symbolic link or other special file is ErrBundle, since the runtime refuses
// them.
func WriteBundle(w io.Writer, fsys fs.FS) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	tw := tar.NewWriter(zw)
	n := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
			return nil
		case !d.Type().IsRegular():
			return fmt.Errorf("%w: %s is not a regular file (links are not allowed in bundles)", ErrBundle, p)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		hdr := &tar.Header{Name: p, Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(data)), ModTime: bundleTime, Format: tar.FormatPAX}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		n++
		_, err = tw.Write(data)
		return err
	})
	if err == nil && n == 0 {
		err = fmt.Errorf("%w: no files to pack", ErrBundle)
	}
	if err == nil {
		err = tw.Close()
	}
	if err == nil {
		err = zw.Close()
	}
	return err
}

// BundleApp returns the org and app a bundle's App/config/applicationmetadata.json
// names in its id ("org/app"), so a deploy can address the right URL.
func BundleApp(bundle []byte) (org, app string, err error) {
	zr, err := gzip.NewReader(bytes.NewReader(bundle))
	if err != nil {
		return "", "", fmt.Errorf("%w: not gzip: %w", ErrBundle, err)
	}
	defer zr.Close()
	tr := tar.NewReader(zr)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return "", "", fmt.Errorf("%w: no %s", ErrBundle, metadataPath)
		}
		if err != nil {
			return "", "", fmt.Errorf("%w: not a tar: %w", ErrBundle, err)
		}
		if path.Clean(strings.TrimPrefix(hdr.Name, "./")) != metadataPath || hdr.Typeflag != tar.TypeReg {
			continue
		}
		var meta struct {
			ID string `json:"id"`
		}
		b, err := io.ReadAll(io.LimitReader(tr, 16<<20))
		if err != nil {
			return "", "", fmt.Errorf("%w: %s: %w", ErrBundle, metadataPath, err)
		}
		// Files saved by Visual Studio often start with a byte order mark.
		if err := json.Unmarshal(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), &meta); err != nil {
			return "", "", fmt.Errorf("%w: %s: %w", ErrBundle, metadataPath, err)
		}
		org, app, ok := strings.Cut(meta.ID, "/")
		if !ok || org == "" || app == "" || strings.Contains(app, "/") {
			return "", "", fmt.Errorf("%w: %s: id %q is not org/app", ErrBundle, metadataPath, meta.ID)
		}
		return org, app, nil
	}
}
