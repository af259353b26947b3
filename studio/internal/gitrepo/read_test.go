// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"testing/fstest"
)

func TestListAndReadFile(t *testing.T) {
	s := newStore(t)
	r, head := newApp(t, s, "skjema")
	ctx := context.Background()
	top, err := r.List(ctx, head, "App", false)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range top {
		names = append(names, fmt.Sprintf("%s:%v", e.Path, e.Dir))
	}
	if got := fmt.Sprint(names); got != "[App/config:true App/models:true App/ui:true]" {
		t.Errorf("List App = %s", got)
	}
	all, err := r.List(ctx, "main", "", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 9 {
		t.Errorf("recursive list has %d files, want the template's 9: %+v", len(all), all)
	}
	for _, e := range all {
		data, err := r.ReadFile(ctx, "main", e.Path)
		if err != nil || int64(len(data)) != e.Size || e.Dir {
			t.Errorf("%s: size %d, read %d bytes, dir %v, %v", e.Path, e.Size, len(data), e.Dir, err)
		}
	}
	for _, bad := range []struct{ rev, path string }{{"main", "App/nope"}, {"nope", "App/ui/layout-sets.json"}, {"main", "App/ui"}, {"main", "../x"}} {
		if _, err := r.ReadFile(ctx, bad.rev, bad.path); err == nil {
			t.Errorf("ReadFile(%s, %s) succeeded", bad.rev, bad.path)
		}
	}
	if _, err := r.List(ctx, "main", "App/nope", false); !errors.Is(err, ErrNotFound) {
		t.Errorf("List of a missing folder: %v", err)
	}
}

// TestFS runs the standard fs.FS conformance checks on a commit's tree.
func TestFS(t *testing.T) {
	s := newStore(t)
	r, head := newApp(t, s, "skjema")
	fsys, err := r.FS(context.Background(), head)
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(fsys, "App/config/applicationmetadata.json", "App/ui/form/layouts/side1.json", "App/models/model.xsd"); err != nil {
		t.Fatal(err)
	}
}

func TestLogPages(t *testing.T) {
	s := newStore(t)
	r, head := newApp(t, s, "skjema")
	ctx := context.Background()
	want := []string{head}
	for i := range 6 {
		head = mustCommit(t, r, "main", head, fmt.Sprintf("save %d", i), file("a.txt", fmt.Sprint(i)))
		want = append([]string{head}, want...)
	}
	var got []string
	cursor := ""
	pages := 0
	for {
		p, err := r.Log(ctx, "main", cursor, 3)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, c := range p.Commits {
			got = append(got, c.Hash)
		}
		if p.Next == "" {
			break
		}
		cursor = p.Next
	}
	if fmt.Sprint(got) != fmt.Sprint(want) || pages != 3 {
		t.Errorf("log in %d pages = %v, want %v", pages, got, want)
	}
	first, _ := r.Log(ctx, "main", "", 1)
	if c := first.Commits[0]; c.Subject != "save 5" || c.Author != alice || len(c.Parents) != 1 || c.Parents[0] != want[1] {
		t.Errorf("newest commit = %+v", c)
	}
	if _, err := r.Log(ctx, "main", "0123456789012345678901234567890123456789", 3); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown cursor: %v", err)
	}
	if _, err := r.Log(ctx, "main", "zzz", 3); !errors.Is(err, ErrBadChange) {
		t.Errorf("malformed cursor: %v", err)
	}
}
