// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/lint"
)

func TestCopyToAnotherOrg(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	src, created := newApp(t, s, "skjema")
	// Give the source a literal org in its policy, as many real apps have.
	pol := strings.Replace(mustRead(t, src, created, "App/config/authorization/policy.xml"), "[ORG]</xacml:AttributeValue>", "ttd</xacml:AttributeValue>", -1)
	h := mustCommit(t, src, "main", created, "literal org", file("App/config/authorization/policy.xml", pol))
	ola, _, _ := src.EnsureUserBranch(ctx, "ola")
	mustCommit(t, src, ola, h, "work in progress", file("wip.txt", "x"))

	head, err := s.Copy(ctx, "ttd", "skjema", "skd", "skjema-2027", alice)
	if err != nil {
		t.Fatal(err)
	}
	dst, err := s.Open(ctx, "skd", "skjema-2027")
	if err != nil {
		t.Fatal(err)
	}
	meta := mustRead(t, dst, head, "App/config/applicationmetadata.json")
	if !strings.Contains(meta, `"id": "skd/skjema-2027"`) || !strings.Contains(meta, `"org": "skd"`) {
		t.Errorf("metadata not retargeted:\n%s", meta)
	}
	newPol := mustRead(t, dst, head, "App/config/authorization/policy.xml")
	if strings.Contains(newPol, ">ttd<") || !strings.Contains(newPol, ">skd<") {
		t.Error("policy still names ttd")
	}
	page, err := dst.Log(ctx, "main", "", 10)
	if err != nil || len(page.Commits) != 3 || page.Commits[0].Subject != "App copied from ttd/skjema" || page.Commits[1].Hash != h {
		t.Errorf("copy history = %+v, %v", page.Commits, err)
	}
	if bs, _ := dst.Branches(ctx); len(bs) != 1 || bs[0].Name != "main" {
		t.Errorf("copy branches = %+v, want only main", bs)
	}
	if out := gitOut(t, dst.Dir(), "remote"); out != "" {
		t.Errorf("copy has remotes: %q", out)
	}
	gitOut(t, dst.Dir(), "fsck", "--strict", "--no-dangling")
	fsys, _ := dst.FS(ctx, "main")
	rep, _ := lint.Lint(fsys)
	if rep.App != "skd/skjema-2027" || rep.Count(lint.Error) != 0 {
		t.Errorf("copy lint = %+v", rep)
	}
	// The source is untouched.
	if got, _ := src.Head(ctx, "main"); got != h {
		t.Error("copy moved the source")
	}
}

func TestSetTopLevelStrings(t *testing.T) {
	in := "\ufeff{\n  // a comment\n  \"id\":   \"ttd/a\",\n  \"dataTypes\": [{\"id\": \"model\"}],\n  \"org\" : \"ttd\",\n}\n"
	out, err := setTopLevelStrings([]byte(in), map[string]string{"id": "skd/b", "org": "skd"})
	if err != nil {
		t.Fatal(err)
	}
	want := "\ufeff{\n  // a comment\n  \"id\":   \"skd/b\",\n  \"dataTypes\": [{\"id\": \"model\"}],\n  \"org\" : \"skd\",\n}\n"
	if string(out) != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
	// A missing member is added (by re-encoding).
	out, err = setTopLevelStrings([]byte(`{"id":"ttd/a"}`), map[string]string{"id": "skd/b", "org": "skd"})
	if err != nil || !strings.Contains(string(out), `"org": "skd"`) || !strings.Contains(string(out), `"id": "skd/b"`) {
		t.Errorf("added member: %s, %v", out, err)
	}
	if _, err := setTopLevelStrings([]byte(`[1]`), map[string]string{"id": "x"}); err == nil {
		t.Error("array accepted")
	}
}
