// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"errors"
	"testing"
)

func TestRevert(t *testing.T) {
	s := newStore(t)
	r, created := newApp(t, s, "skjema")
	ctx := context.Background()
	xsd := mustRead(t, r, created, "App/models/model.xsd")
	h1 := mustCommit(t, r, "main", created, "edit", file("App/models/model.xsd", "<changed/>"), file("new.txt", "n"),
		Change{Path: "App/ui/form/Settings.json", Delete: true})
	h2 := mustCommit(t, r, "main", h1, "other", file("other.txt", "o"))

	undo, err := r.Revert(ctx, "main", h2, h1, alice)
	if err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, r, "main", "App/models/model.xsd"); got != xsd {
		t.Errorf("xsd after revert = %q", got)
	}
	if _, err := r.ReadFile(ctx, "main", "new.txt"); !errors.Is(err, ErrNotFound) {
		t.Errorf("new.txt survived the revert: %v", err)
	}
	if _, err := r.ReadFile(ctx, "main", "App/ui/form/Settings.json"); err != nil {
		t.Errorf("Settings.json not restored: %v", err)
	}
	if mustRead(t, r, "main", "other.txt") != "o" {
		t.Error("the later commit was undone too")
	}
	ci, _ := r.CommitInfo(ctx, undo)
	if ci.Subject != `Revert "edit"` || len(ci.Parents) != 1 || ci.Parents[0] != h2 {
		t.Errorf("revert commit = %+v", ci)
	}
	// Reverting the revert redoes the edit: undo/redo.
	if _, err := r.Revert(ctx, "main", undo, undo, alice); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, r, "main", "App/models/model.xsd"); got != "<changed/>" {
		t.Errorf("xsd after redo = %q", got)
	}
}

func TestRevertConflictsAndStale(t *testing.T) {
	s := newStore(t)
	r, created := newApp(t, s, "skjema")
	ctx := context.Background()
	h1 := mustCommit(t, r, "main", created, "edit", file("a.txt", "1"))
	h2 := mustCommit(t, r, "main", h1, "edit again", file("a.txt", "2"))
	_, err := r.Revert(ctx, "main", h2, h1, alice)
	var ce *ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, ErrConflict) || len(ce.Conflicts) != 1 || ce.Conflicts[0].Path != "a.txt" {
		t.Fatalf("err = %v, want a conflict on a.txt", err)
	}
	if got, _ := r.Head(ctx, "main"); got != h2 {
		t.Error("main moved on a conflicting revert")
	}
	if _, err := r.Revert(ctx, "main", h1, h2, alice); !errors.Is(err, ErrStale) {
		t.Errorf("revert on a stale head: %v", err)
	}
	if _, err := r.Revert(ctx, "main", h2, created, alice); !errors.Is(err, ErrBadChange) {
		t.Errorf("revert of the first commit: %v", err)
	}
}
