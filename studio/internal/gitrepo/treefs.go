// SPDX-License-Identifier: MIT

package gitrepo

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// FS returns the files at rev as an fs.FS, for appframework/app.Load and
// appframework/lint.Lint. Blobs are read when opened. The FS reads through
// this Repo, so it shares its rule: one goroutine at a time.
func (r *Repo) FS(ctx context.Context, rev string) (fs.FS, error) {
	c, err := r.commit(rev)
	if err != nil {
		return nil, err
	}
	return r.treeFS(c)
}

func (r *Repo) treeFS(c *object.Commit) (*treeFS, error) {
	t, err := c.Tree()
	if err != nil {
		return nil, err
	}
	tfs := &treeFS{r: r, when: c.Committer.When, nodes: map[string]*tfsNode{".": {name: ".", dir: true}}}
	w := object.NewTreeWalker(t, true, nil)
	defer w.Close()
	for {
		name, e, err := w.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		n := &tfsNode{name: path.Base(name), dir: e.Mode == filemode.Dir, hash: e.Hash}
		tfs.nodes[name] = n
		parent := path.Dir(name)
		tfs.nodes[parent].kids = append(tfs.nodes[parent].kids, n)
	}
	return tfs, nil
}

// treeFS is a read-only file system over one git tree.
type treeFS struct {
	r     *Repo
	when  time.Time
	nodes map[string]*tfsNode
}

type tfsNode struct {
	name string
	dir  bool
	hash plumbing.Hash
	kids []*tfsNode
}

// Open implements fs.FS.
func (t *treeFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	n := t.nodes[name]
	if n == nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if n.dir {
		return &tfsDir{info: t.info(n, 0), fs: t, node: n}, nil
	}
	data, err := t.r.readBlob(n.hash)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &tfsFile{info: t.info(n, int64(len(data))), Reader: bytes.NewReader(data)}, nil
}

func (t *treeFS) info(n *tfsNode, size int64) tfsInfo {
	return tfsInfo{name: n.name, dir: n.dir, size: size, when: t.when}
}

type tfsInfo struct {
	name string
	dir  bool
	size int64
	when time.Time
}

func (i tfsInfo) Name() string { return i.name }
func (i tfsInfo) Size() int64  { return i.size }
func (i tfsInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i tfsInfo) ModTime() time.Time { return i.when }
func (i tfsInfo) IsDir() bool        { return i.dir }
func (i tfsInfo) Sys() any           { return nil }

type tfsFile struct {
	info tfsInfo
	*bytes.Reader
}

func (f *tfsFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *tfsFile) Close() error               { return nil }

type tfsDir struct {
	info tfsInfo
	fs   *treeFS
	node *tfsNode
	pos  int
}

func (d *tfsDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *tfsDir) Close() error               { return nil }
func (d *tfsDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: fs.ErrInvalid}
}

// ReadDir implements fs.ReadDirFile. A file's size is looked up only when
// its Info is asked for.
func (d *tfsDir) ReadDir(n int) ([]fs.DirEntry, error) {
	kids := slices.Clone(d.node.kids)
	slices.SortFunc(kids, func(a, b *tfsNode) int { return strings.Compare(a.name, b.name) })
	rest := kids[d.pos:]
	if n > 0 {
		if len(rest) == 0 {
			return nil, io.EOF
		}
		rest = rest[:min(n, len(rest))]
	}
	d.pos += len(rest)
	out := make([]fs.DirEntry, len(rest))
	for i, k := range rest {
		out[i] = tfsEntry{fs: d.fs, node: k}
	}
	return out, nil
}

// tfsEntry is a directory entry whose Info reads the object's size.
type tfsEntry struct {
	fs   *treeFS
	node *tfsNode
}

func (e tfsEntry) Name() string { return e.node.name }
func (e tfsEntry) IsDir() bool  { return e.node.dir }
func (e tfsEntry) Type() fs.FileMode {
	if e.node.dir {
		return fs.ModeDir
	}
	return 0
}

func (e tfsEntry) Info() (fs.FileInfo, error) {
	if e.node.dir {
		return e.fs.info(e.node, 0), nil
	}
	o, err := e.fs.r.g.Storer.EncodedObject(plumbing.BlobObject, e.node.hash)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: e.node.name, Err: err}
	}
	return e.fs.info(e.node, o.Size()), nil
}
