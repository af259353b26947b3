// SPDX-License-Identifier: MIT

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"unicode"
	"unicode/utf8"

	"github.com/blankett/blankett/runtime/client"
)

// partSuffix marks a file being downloaded; it is renamed once verified.
const partSuffix = ".part"

// errNotVerified means the server announced no SHA-256 to check a file against.
var errNotVerified = errors.New("no SHA-256 announced for the data element")

// instanceDir is DIR/{org}/{app}/{partyId}-{guid}.
func instanceDir(out string, in client.Instance) string {
	org, app, _ := strings.Cut(in.AppID, "/")
	return filepath.Join(out, sanitize(org), sanitize(app), sanitize(in.PartyID()+"-"+in.GUID()))
}

// dataFileName is "{element id}-{filename}", or "{element id}-{dataType}" with
// an extension from the content type when the element has no filename.
func dataFileName(e client.DataElement) string {
	name := e.Filename
	if name == "" {
		name = e.DataType + extension(e.ContentType)
	}
	if name == "" {
		return sanitize(e.ID)
	}
	return sanitize(e.ID + "-" + name)
}

func extension(contentType string) string {
	ct, _, _ := strings.Cut(contentType, ";")
	switch strings.TrimSpace(strings.ToLower(ct)) {
	case "application/xml", "text/xml":
		return ".xml"
	case "application/json":
		return ".json"
	case "application/pdf":
		return ".pdf"
	}
	return ""
}

// maxSegment bounds a path segment in bytes, below the 255 that most file
// systems allow, leaving room for the .part suffix.
const maxSegment = 200

// maxExt is the longest extension sanitize keeps when it shortens a name;
// a longer "extension" is just a dot in the name.
const maxExt = 16

// sanitize makes s one safe path segment: no separators, reserved characters,
// control characters or format characters (Cf: the bidi overrides that make
// "rtl\u202efdp.exe" display as "rtlexe.pdf", zero-width characters), no
// leading dots or spaces, no trailing ones (Windows strips them, so two names
// could meet), at most maxSegment bytes. A name that is too long loses the end
// of its stem, not its extension.
func sanitize(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|':
			return '_'
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	s = trimDotsSpaces(s)
	if len(s) > maxSegment {
		ext := filepath.Ext(s)
		if len(ext) > maxExt {
			ext = ""
		}
		stem := s[:len(s)-len(ext)]
		n := maxSegment - len(ext)
		for n > 0 && !utf8.RuneStart(stem[n]) {
			n-- // cut before the rune that does not fit, not inside it
		}
		s = stem[:n] + ext
		if ext == "" {
			s = trimDotsSpaces(s)
		}
	}
	if s == "" {
		return "_"
	}
	return s
}

func isDotSpace(r rune) bool { return r == '.' || unicode.IsSpace(r) }

// trimDotsSpaces removes leading and trailing dots and white space.
func trimDotsSpaces(s string) string { return strings.TrimFunc(s, isDotSpace) }

// fileSHA256 hashes the file at path.
func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// alreadyComplete reports whether path already holds e's content, verified by hash.
func alreadyComplete(path string, e client.DataElement) bool {
	if e.ContentHash == "" {
		return false
	}
	sum, err := fileSHA256(path)
	return err == nil && sum == strings.ToLower(e.ContentHash)
}

// counter is the temp file as the client writes to it, counting progress.
// Embedding *os.File keeps ReaderAt, Truncate and Seek, which resuming needs.
type counter struct {
	*os.File
	add func(int64)
}

func (c counter) Write(p []byte) (int, error) {
	n, err := c.File.Write(p)
	c.add(int64(n))
	return n, err
}

// downloadFile fetches e to path via path+".part": resuming a partial temp
// file, verifying the SHA-256, fsyncing, then renaming. A hash mismatch
// removes the temp file. When the download resumed a temp file, the bad bytes
// may be in that file (left by a crash or another program) rather than in the
// content, so it starts once more from zero before giving up.
func downloadFile(ctx context.Context, c *client.Client, e client.DataElement, path string, prog *progress) (int64, error) {
	n, resumed, err := fetchFile(ctx, c, e, path, prog.add)
	if resumed && errors.Is(err, client.ErrHashMismatch) {
		prog.expect(e.Size) // the bytes counted so far were in vain
		var m int64
		m, _, err = fetchFile(ctx, c, e, path, prog.add)
		n += m
	}
	return n, err
}

// fetchFile is one attempt of downloadFile; resumed reports that it started
// from a temp file already there.
func fetchFile(ctx context.Context, c *client.Client, e client.DataElement, path string, add func(int64)) (n int64, resumed bool, err error) {
	tmp := path + partSuffix
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return 0, false, err
	}
	offset, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		f.Close()
		return 0, false, err
	}
	add(offset)
	res, err := c.DownloadData(ctx, e, counter{File: f, add: add}, offset)
	if err == nil && !res.Verified {
		err = errNotVerified
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if errors.Is(err, client.ErrHashMismatch) || errors.Is(err, errNotVerified) {
			_ = os.Remove(tmp)
		}
		return res.Written, offset > 0, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return res.Written, offset > 0, err
	}
	return res.Written, offset > 0, fsyncDir(filepath.Dir(path))
}

// writeJSONFile writes raw JSON, indented, to path atomically.
func writeJSONFile(path string, raw json.RawMessage) error {
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "  "); err != nil {
		return fmt.Errorf("instance JSON: %w", err)
	}
	buf.WriteByte('\n')
	return writeFileAtomic(path, buf.Bytes())
}

// writeFileAtomic writes data to path with mode 0600 through a synced temp
// file renamed over it, so path holds either the old or the new content. On
// any error the temp file is removed: a full disk must not keep it.
func writeFileAtomic(path string, data []byte) error {
	tmp := path + partSuffix
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return fsyncDir(filepath.Dir(path))
}

// dirsMu makes makeDirs one step for concurrent callers: a folder another
// download is creating is seen only once the folder it was made in is synced.
var dirsMu sync.Mutex

// makeDirs creates dir and its missing parents, fsyncing the folder each new
// one is made in, so a folder whose files were synced does not vanish with a
// power cut after the runtime was told they are safe.
func makeDirs(dir string) error {
	dirsMu.Lock()
	defer dirsMu.Unlock()
	return makeDirsLocked(filepath.Clean(dir))
}

func makeDirsLocked(dir string) error {
	if st, err := os.Stat(dir); err == nil {
		if !st.IsDir() {
			return &fs.PathError{Op: "mkdir", Path: dir, Err: syscall.ENOTDIR}
		}
		return nil
	}
	parent := filepath.Dir(dir)
	if parent != dir {
		if err := makeDirsLocked(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o750); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return fsyncDir(parent)
}

// fsyncDir is syncDir; tests wrap it to see which folders were synced when.
var fsyncDir = syncDir

// syncDir fsyncs a folder so a rename in it is durable; it ignores systems
// that cannot sync folders.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, fs.ErrInvalid) && !errors.Is(err, errors.ErrUnsupported) {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
