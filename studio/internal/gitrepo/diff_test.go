// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/diff"
)

func TestDiff(t *testing.T) {
	s := newStore(t)
	r, head := newApp(t, s, "skjema")
	ctx := context.Background()
	texts := strings.Replace(mustRead(t, r, head, "App/config/texts/resource.nb.json"), `"value": "Navn"`, `"value": "Fullt navn"`, 1)
	h := mustCommit(t, r, "main", head, "rename label",
		file("App/config/texts/resource.nb.json", texts),
		file("README.md", "# skjema\n"),
		Change{Path: "App/models/model.xsd", Delete: true})
	d, err := r.Diff(ctx, head, h)
	if err != nil {
		t.Fatal(err)
	}
	want := []FileDiff{{"App/config/texts/resource.nb.json", FileModified}, {"App/models/model.xsd", FileDeleted}, {"README.md", FileAdded}}
	if len(d.Files) != len(want) {
		t.Fatalf("files = %+v, want %+v", d.Files, want)
	}
	for i := range want {
		if d.Files[i] != want[i] {
			t.Errorf("file %d = %+v, want %+v", i, d.Files[i], want[i])
		}
	}
	if d.AppError != "" {
		t.Fatalf("app error: %s", d.AppError)
	}
	found := false
	for _, c := range d.Changes {
		if c.Area == diff.AreaText && c.ID == "navn.ledetekst" && c.Kind == diff.Changed {
			found = true
		}
	}
	if !found {
		t.Errorf("no text change for navn.ledetekst in %+v", d.Changes)
	}

	// Only a non-app file: no semantic diff is attempted.
	h2 := mustCommit(t, r, "main", h, "readme", file("README.md", "# skjema 2\n"))
	d2, err := r.Diff(ctx, h, h2)
	if err != nil || len(d2.Files) != 1 || d2.Changes != nil || d2.AppError != "" {
		t.Errorf("readme-only diff = %+v, %v", d2, err)
	}

	// A version that does not load: files are listed, and why there are no
	// semantic changes is said.
	h3 := mustCommit(t, r, "main", h2, "break", file("App/ui/layout-sets.json", "{ not json"))
	d3, err := r.Diff(ctx, h2, h3)
	if err != nil || len(d3.Files) != 1 || d3.AppError == "" {
		t.Errorf("broken diff = %+v, %v", d3, err)
	}
}
