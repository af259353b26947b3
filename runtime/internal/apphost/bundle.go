// SPDX-License-Identifier: MIT

package apphost

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Limits bound what a release bundle may hold. A bundle comes over the network from
// studio (or from whoever holds a deploy token), so every dimension is capped before
// anything is kept in memory.
type Limits struct {
	// MaxBundleSize caps the bundle as uploaded (compressed), in bytes.
	MaxBundleSize int64
	// MaxTotalSize caps the sum of the files' sizes after decompression.
	MaxTotalSize int64
	// MaxFileSize caps one file.
	MaxFileSize int64
	// MaxFiles caps the number of tar entries, directories included.
	MaxFiles int
}

// DefaultLimits returns limits well above the largest real app (under 1 MB and 100
// files) and well below what would hurt a runtime replica.
func DefaultLimits() Limits {
	return Limits{MaxBundleSize: 32 << 20, MaxTotalSize: 128 << 20, MaxFileSize: 16 << 20, MaxFiles: 5000}
}

// bundle is a bundle read into memory: its bytes as uploaded (to store), their
// SHA-256, and the files.
type bundle struct {
	raw    []byte
	sha256 string
	fsys   *memFS
}

// readBundle reads r, at most lim.MaxBundleSize bytes, hashing while reading, and
// unpacks the tar with the checks of ErrBundle.
func readBundle(r io.Reader, lim Limits) (*bundle, error) {
	h := sha256.New()
	var buf bytes.Buffer
	n, err := io.Copy(io.MultiWriter(&buf, h), io.LimitReader(r, lim.MaxBundleSize+1))
	if err != nil {
		return nil, fmt.Errorf("apphost: read bundle: %w", err)
	}
	if n > lim.MaxBundleSize {
		return nil, fmt.Errorf("apphost: bundle is larger than %d bytes: %w: %w", lim.MaxBundleSize, ErrTooLarge, ErrBundle)
	}
	files, err := untar(buf.Bytes(), lim)
	if err != nil {
		return nil, err
	}
	return &bundle{raw: buf.Bytes(), sha256: hex.EncodeToString(h.Sum(nil)), fsys: newMemFS(files, time.Time{})}, nil
}

// untar unpacks a gzip'ed tar of regular files and directories.
func untar(raw []byte, lim Limits) (map[string][]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("apphost: bundle is not gzip: %v: %w", err, ErrBundle)
	}
	defer zr.Close()
	tr := tar.NewReader(zr)
	files := map[string][]byte{}
	var total int64
	for entries := 0; ; entries++ {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("apphost: bundle is not a valid tar: %v: %w", err, ErrBundle)
		}
		if entries >= lim.MaxFiles {
			return nil, fmt.Errorf("apphost: bundle has more than %d entries: %w", lim.MaxFiles, ErrBundle)
		}
		name, err := entryPath(hdr)
		if err != nil || name == "" {
			if errors.Is(err, errSkip) {
				continue
			}
			return nil, err
		}
		if hdr.Size > lim.MaxFileSize {
			return nil, fmt.Errorf("apphost: bundle entry %s is larger than %d bytes: %w", quote(name), lim.MaxFileSize, ErrBundle)
		}
		if total += hdr.Size; total > lim.MaxTotalSize {
			return nil, fmt.Errorf("apphost: bundle unpacks to more than %d bytes: %w", lim.MaxTotalSize, ErrBundle)
		}
		if _, dup := files[name]; dup {
			return nil, fmt.Errorf("apphost: bundle entry %s appears twice: %w", quote(name), ErrBundle)
		}
		data := make([]byte, hdr.Size)
		if _, err := io.ReadFull(tr, data); err != nil {
			return nil, fmt.Errorf("apphost: bundle entry %s: %v: %w", quote(name), err, ErrBundle)
		}
		files[name] = data
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("apphost: bundle holds no files: %w", ErrBundle)
	}
	if err := checkTree(files); err != nil {
		return nil, err
	}
	return files, nil
}

// errSkip marks entries that carry no file (directories, global pax headers).
var errSkip = errors.New("skip")

// entryPath returns the cleaned path of a regular file entry, errSkip for entries
// to ignore, or an ErrBundle error for anything that could reach outside the tree
// or is not plain data.
func entryPath(hdr *tar.Header) (string, error) {
	switch hdr.Typeflag {
	case tar.TypeReg, tar.TypeDir:
	case tar.TypeXGlobalHeader: // git archive writes the commit id here
		return "", errSkip
	case tar.TypeSymlink, tar.TypeLink:
		return "", fmt.Errorf("apphost: bundle entry %s is a link (to %s); bundles hold regular files only: %w", quote(hdr.Name), quote(hdr.Linkname), ErrBundle)
	case tar.TypeChar, tar.TypeBlock, tar.TypeFifo:
		return "", fmt.Errorf("apphost: bundle entry %s is a device or pipe; bundles hold regular files only: %w", quote(hdr.Name), ErrBundle)
	default:
		return "", fmt.Errorf("apphost: bundle entry %s has unsupported type %q: %w", quote(hdr.Name), hdr.Typeflag, ErrBundle)
	}
	name := hdr.Name
	switch {
	case strings.HasPrefix(name, "/"):
		return "", fmt.Errorf("apphost: bundle entry %s is an absolute path: %w", quote(name), ErrBundle)
	case strings.ContainsAny(name, "\\\x00"):
		return "", fmt.Errorf("apphost: bundle entry %s contains a backslash or NUL: %w", quote(name), ErrBundle)
	}
	for strings.HasPrefix(name, "./") {
		name = name[2:]
	}
	name = strings.TrimSuffix(name, "/")
	for seg := range strings.SplitSeq(name, "/") {
		switch seg {
		case "..":
			return "", fmt.Errorf("apphost: bundle entry %s climbs out of the bundle with \"..\": %w", quote(hdr.Name), ErrBundle)
		case "", ".":
			if name == "" || name == "." {
				return "", errSkip // the root directory itself
			}
			return "", fmt.Errorf("apphost: bundle entry %s has an empty or \".\" segment: %w", quote(hdr.Name), ErrBundle)
		}
	}
	if hdr.Typeflag == tar.TypeDir {
		return "", errSkip
	}
	return name, nil
}

// checkTree refuses a file that is also used as a directory ("a" and "a/b").
func checkTree(files map[string][]byte) error {
	for name := range files {
		for i := range len(name) {
			if name[i] == '/' {
				if _, ok := files[name[:i]]; ok {
					return fmt.Errorf("apphost: bundle entry %s is both a file and a directory: %w", quote(name[:i]), ErrBundle)
				}
			}
		}
	}
	return nil
}

// quote bounds a hostile name before it goes into an error and a log.
func quote(s string) string {
	if len(s) > 100 {
		s = s[:100] + "…"
	}
	return fmt.Sprintf("%q", s)
}
