// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// ReadFile returns a file's content at a revision (commit hash, branch or
// tag).
func (r *Repo) ReadFile(ctx context.Context, rev, p string) ([]byte, error) {
	if err := checkPath(p); err != nil {
		return nil, err
	}
	c, err := r.commit(rev)
	if err != nil {
		return nil, err
	}
	t, err := c.Tree()
	if err != nil {
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	e, err := t.FindEntry(p)
	if err != nil || e.Mode == filemode.Dir {
		return nil, fmt.Errorf("%w: file %s at %s", ErrNotFound, p, rev)
	}
	return r.readBlob(e.Hash)
}

// Entry is one file or folder in a tree listing.
type Entry struct {
	// Path is relative to the repository root.
	Path string `json:"path"`
	Dir  bool   `json:"dir,omitempty"`
	// Size is the file size in bytes, 0 for folders.
	Size int64 `json:"size"`
	// Hash is the blob or tree hash: equal hashes mean equal content.
	Hash string `json:"hash"`
}

// List lists the tree at rev below dir ("" for the root): one level, or
// every file below it when recursive. Entries come in git's tree order.
func (r *Repo) List(ctx context.Context, rev, dir string, recursive bool) ([]Entry, error) {
	c, err := r.commit(rev)
	if err != nil {
		return nil, err
	}
	t, err := c.Tree()
	if err != nil {
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	if dir != "" {
		if err := checkPath(dir); err != nil {
			return nil, err
		}
		if t, err = t.Tree(dir); err != nil {
			return nil, fmt.Errorf("%w: folder %s at %s", ErrNotFound, dir, rev)
		}
	}
	var out []Entry
	w := object.NewTreeWalker(t, recursive, nil)
	defer w.Close()
	for {
		name, e, err := w.Next()
		if errors.Is(err, errEOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("gitrepo: list: %w", err)
		}
		isDir := e.Mode == filemode.Dir
		if recursive && isDir {
			continue
		}
		en := Entry{Path: path.Join(dir, name), Dir: isDir, Hash: e.Hash.String()}
		if !isDir {
			if o, err := r.g.Storer.EncodedObject(plumbing.BlobObject, e.Hash); err == nil {
				en.Size = o.Size()
			}
		}
		out = append(out, en)
	}
	return out, nil
}

// CommitInfo describes one commit.
type CommitInfo struct {
	Hash    string   `json:"hash"`
	Parents []string `json:"parents"`
	Author  Author   `json:"author"`
	// When is the author time in RFC 3339.
	When    string `json:"when"`
	Subject string `json:"subject"`
	Message string `json:"message"`
}

func info(c *object.Commit) CommitInfo {
	ps := make([]string, len(c.ParentHashes))
	for i, p := range c.ParentHashes {
		ps[i] = p.String()
	}
	subject, _, _ := strings.Cut(strings.TrimSpace(c.Message), "\n")
	return CommitInfo{Hash: c.Hash.String(), Parents: ps, Author: Author{Name: c.Author.Name, Email: c.Author.Email},
		When: c.Author.When.Format("2006-01-02T15:04:05Z07:00"), Subject: subject, Message: c.Message}
}

// LogPage is one page of history.
type LogPage struct {
	Commits []CommitInfo `json:"commits"`
	// Next is the cursor for the following page, "" on the last page.
	Next string `json:"next,omitempty"`
}

// Log returns up to limit commits reachable from rev, newest first (by
// commit time, parents after children), starting after the commit cursor
// (the Next of the previous page; "" for the first page). A limit of 0 or
// less means 50; more than 500 is capped.
func (r *Repo) Log(ctx context.Context, rev, cursor string, limit int) (LogPage, error) {
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 500)
	c, err := r.commit(rev)
	if err != nil {
		return LogPage{}, err
	}
	if cursor != "" && !isHash(cursor) {
		return LogPage{}, fmt.Errorf("%w: cursor %q is not a commit hash", ErrBadChange, cursor)
	}
	it := object.NewCommitIterCTime(c, nil, nil)
	defer it.Close()
	page := LogPage{Commits: []CommitInfo{}}
	started := cursor == ""
	for {
		if err := ctx.Err(); err != nil {
			return LogPage{}, err
		}
		c, err := it.Next()
		if errors.Is(err, errEOF) {
			break
		}
		if err != nil {
			return LogPage{}, fmt.Errorf("gitrepo: log: %w", err)
		}
		if !started {
			started = c.Hash.String() == cursor
			continue
		}
		if len(page.Commits) == limit {
			page.Next = page.Commits[limit-1].Hash
			break
		}
		page.Commits = append(page.Commits, info(c))
	}
	if !started {
		return LogPage{}, fmt.Errorf("%w: cursor %s is not in the history of %s", ErrNotFound, cursor, rev)
	}
	return page, nil
}

// CommitInfo returns one commit's details.
func (r *Repo) CommitInfo(ctx context.Context, rev string) (CommitInfo, error) {
	c, err := r.commit(rev)
	if err != nil {
		return CommitInfo{}, err
	}
	return info(c), nil
}
