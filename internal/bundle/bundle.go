// SPDX-License-Identifier: MIT

package bundle

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

// ErrInvalid reports files that cannot be packed, or a bundle that does not
// name its app.
var ErrInvalid = errors.New("bundle: invalid release bundle")

// MetadataPath is where a bundle names its app.
const MetadataPath = "App/config/applicationmetadata.json"

// ContentType is the media type of a bundle.
const ContentType = "application/gzip"

// modTime is every entry's modification time, so that packing the same files
// twice gives the same bytes and a repeated deploy of a version is a no-op
// rather than a conflict.
var modTime = time.Unix(0, 0).UTC()

// PackDir packs the app repository in dir (the folder holding App/); see Write.
func PackDir(dir string) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	defer root.Close()
	return Pack(root.FS())
}

// Pack returns the bundle of fsys; see Write.
func Pack(fsys fs.FS) ([]byte, error) {
	var buf bytes.Buffer
	if err := Write(&buf, fsys); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write writes the files of fsys to w as a release bundle: regular files only,
// in lexical order, with fixed times and modes, so the same files always give
// the same bytes. Files and folders whose names start with "." (.git, .vscode)
// are left out; a symbolic link or other special file is ErrInvalid, since the
// runtime refuses them.
func Write(w io.Writer, fsys fs.FS) error {
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
			return fmt.Errorf("%w: %s is not a regular file (links are not allowed in bundles)", ErrInvalid, p)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		hdr := &tar.Header{Name: p, Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(data)), ModTime: modTime, Format: tar.FormatPAX}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		n++
		_, err = tw.Write(data)
		return err
	})
	if err == nil && n == 0 {
		err = fmt.Errorf("%w: no files to pack", ErrInvalid)
	}
	if err == nil {
		err = tw.Close()
	}
	if err == nil {
		err = zw.Close()
	}
	return err
}

// App returns the org and app a bundle's App/config/applicationmetadata.json
// names in its id ("org/app"), so a deploy can address the right URL.
func App(bundle []byte) (org, app string, err error) {
	zr, err := gzip.NewReader(bytes.NewReader(bundle))
	if err != nil {
		return "", "", fmt.Errorf("%w: not gzip: %w", ErrInvalid, err)
	}
	defer zr.Close()
	tr := tar.NewReader(zr)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return "", "", fmt.Errorf("%w: no %s", ErrInvalid, MetadataPath)
		}
		if err != nil {
			return "", "", fmt.Errorf("%w: not a tar: %w", ErrInvalid, err)
		}
		if path.Clean(strings.TrimPrefix(hdr.Name, "./")) != MetadataPath || hdr.Typeflag != tar.TypeReg {
			continue
		}
		var meta struct {
			ID string `json:"id"`
		}
		b, err := io.ReadAll(io.LimitReader(tr, 16<<20))
		if err != nil {
			return "", "", fmt.Errorf("%w: %s: %w", ErrInvalid, MetadataPath, err)
		}
		// Files saved by Visual Studio often start with a byte order mark.
		if err := json.Unmarshal(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), &meta); err != nil {
			return "", "", fmt.Errorf("%w: %s: %w", ErrInvalid, MetadataPath, err)
		}
		org, app, ok := strings.Cut(meta.ID, "/")
		if !ok || org == "" || app == "" || strings.Contains(app, "/") {
			return "", "", fmt.Errorf("%w: %s: id %q is not org/app", ErrInvalid, MetadataPath, meta.ID)
		}
		return org, app, nil
	}
}
