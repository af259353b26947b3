// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestUserBranchAndMerge(t *testing.T) {
	s := newStore(t)
	r, created := newApp(t, s, "skjema")
	ctx := context.Background()
	ola, olaHead, err := r.EnsureUserBranch(ctx, "ola")
	if err != nil || ola != "users/ola" || olaHead != created {
		t.Fatalf("EnsureUserBranch = %s %s %v", ola, olaHead, err)
	}
	kari, _, err := r.EnsureUserBranch(ctx, "kari")
	if err != nil {
		t.Fatal(err)
	}
	// Saves on a working branch leave main alone.
	o1 := mustCommit(t, r, ola, olaHead, "ola edits texts", file("App/ola.txt", "ola"))
	if h, _ := r.Head(ctx, "main"); h != created {
		t.Fatal("a working-branch save moved main")
	}
	if again, _, _ := r.EnsureUserBranch(ctx, "ola"); again != ola {
		t.Fatal("EnsureUserBranch renamed the branch")
	}
	if h, _ := r.Head(ctx, ola); h != o1 {
		t.Fatal("EnsureUserBranch reset an existing branch")
	}

	// main has nothing of its own: fast-forward.
	res, err := r.Merge(ctx, ola, "main", alice, "")
	if err != nil || !res.FastForward || res.Commit != o1 {
		t.Fatalf("first merge = %+v, %v", res, err)
	}
	if _, err := r.Merge(ctx, ola, "main", alice, ""); !errors.Is(err, ErrNothingToDo) {
		t.Errorf("merging again: %v", err)
	}

	// Kari edited another file from the old main: a real, clean merge.
	kh, _ := r.Head(ctx, kari)
	k1 := mustCommit(t, r, kari, kh, "kari edits", file("App/kari.txt", "kari"))
	res, err = r.Merge(ctx, kari, "main", alice, "")
	if err != nil || res.FastForward {
		t.Fatalf("clean merge = %+v, %v", res, err)
	}
	ci, _ := r.CommitInfo(ctx, res.Commit)
	if len(ci.Parents) != 2 || ci.Parents[0] != o1 || ci.Parents[1] != k1 || ci.Subject != "Merge branch 'users/kari' into main" {
		t.Errorf("merge commit = %+v", ci)
	}
	if mustRead(t, r, "main", "App/ola.txt") != "ola" || mustRead(t, r, "main", "App/kari.txt") != "kari" {
		t.Error("merged main lacks one side")
	}
	gitOut(t, r.Dir(), "fsck", "--strict", "--no-dangling")
}

func TestMergeConflictMovesNothing(t *testing.T) {
	s := newStore(t)
	r, created := newApp(t, s, "skjema")
	ctx := context.Background()
	ola, _, _ := r.EnsureUserBranch(ctx, "ola")
	texts := mustRead(t, r, created, "App/config/texts/resource.nb.json")
	mustCommit(t, r, ola, created, "ola", file("App/config/texts/resource.nb.json", strings.Replace(texts, "Navn", "Ola sitt navn", 1)),
		Change{Path: "App/models/model.xsd", Delete: true})
	m1 := mustCommit(t, r, "main", created, "main", file("App/config/texts/resource.nb.json", strings.Replace(texts, "Navn", "Hovednavn", 1)),
		file("App/models/model.xsd", "<changed/>"))
	_, err := r.Merge(ctx, ola, "main", alice, "")
	var ce *ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, ErrConflict) {
		t.Fatalf("err = %v, want a conflict", err)
	}
	got := map[string]string{}
	for _, c := range ce.Conflicts {
		got[c.Path] = c.Kind
	}
	if got["App/config/texts/resource.nb.json"] != "contents" || got["App/models/model.xsd"] != "modify/delete" || len(got) != 2 {
		t.Errorf("conflicts = %+v", ce.Conflicts)
	}
	if h, _ := r.Head(ctx, "main"); h != m1 {
		t.Error("main moved on a conflicting merge")
	}
	if mustRead(t, r, "main", "App/models/model.xsd") != "<changed/>" {
		t.Error("main's content changed")
	}
}
