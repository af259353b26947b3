// SPDX-License-Identifier: MIT

package release_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/blankett/blankett/appframework/lint"
	"github.com/blankett/blankett/internal/bundle"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/studio/internal/deploy"
	"github.com/blankett/blankett/studio/internal/gitrepo"
	"github.com/blankett/blankett/studio/internal/release"
)

// fakeRuntime records deploys; fail, when set, is every call's answer.
type fakeRuntime struct {
	fail     error
	deployed map[string][]byte
	current  string
}

func (f *fakeRuntime) Deploy(_ context.Context, org, app, version string, b []byte) error {
	if f.fail != nil {
		return f.fail
	}
	f.deployed[version], f.current = b, version
	return nil
}

func (f *fakeRuntime) Undeploy(_ context.Context, _, _, version string) error {
	if f.fail != nil {
		return f.fail
	}
	delete(f.deployed, version)
	if f.current == version {
		f.current = ""
	}
	return nil
}

func (f *fakeRuntime) Releases(context.Context, string, string) ([]deploy.Release, error) {
	if f.fail != nil {
		return nil, f.fail
	}
	var out []deploy.Release
	for v := range f.deployed {
		out = append(out, deploy.Release{Version: v, Active: true, Current: v == f.current})
	}
	return out, nil
}

var alice = gitrepo.Author{Name: "alice", Email: "alice@example.test"}

func setup(t *testing.T, db *dbx.DB) (*release.Service, *gitrepo.Store, *fakeRuntime, *fakeRuntime) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.Migrate(ctx, dbx.MigrationSet{Name: "studio", Migrations: release.Migrations()}, nil); err != nil {
		t.Fatal(err)
	}
	if err := dbx.CheckDrift(db.Gorm, &release.Release{}, &release.Deploy{}); err != nil {
		t.Fatal(err)
	}
	repos, err := gitrepo.New(ctx, t.TempDir(), gitrepo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := repos.Create(ctx, "ttd", "demo", alice); err != nil {
		t.Fatal(err)
	}
	test, prod := &fakeRuntime{deployed: map[string][]byte{}}, &fakeRuntime{deployed: map[string][]byte{}}
	svc := release.NewService(release.NewStore(db), repos, []release.Environment{{Name: "test", Runtime: test}, {Name: "production", Runtime: prod}})
	return svc, repos, test, prod
}

func TestCreateRelease(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		svc, repos, _, _ := setup(t, db)
		rel, err := svc.Create(ctx, "ttd", "demo", release.CreateInput{Version: "v1.0.0", By: "alice"})
		if err != nil {
			t.Fatal(err)
		}
		repo, _ := repos.Open(ctx, "ttd", "demo")
		head, _ := repo.Head(ctx, "main")
		if rel.Commit != head || rel.Ref != "main" || len(rel.SHA256) != 64 || rel.Size == 0 || rel.CreatedBy != "alice" {
			t.Fatalf("release = %+v (main at %s)", rel, head)
		}
		if tags, _ := repo.Tags(ctx); tags["v1.0.0"] != head {
			t.Fatalf("tags = %v", tags)
		}
		data, err := svc.Store().Bundle(ctx, rel.ID)
		if org, app, err2 := bundle.App(data); err != nil || err2 != nil || org != "ttd" || app != "demo" {
			t.Fatalf("stored bundle: %v %v %s/%s", err, err2, org, app)
		}

		for _, tt := range []struct {
			name string
			in   release.CreateInput
			want error
		}{
			{"same version again", release.CreateInput{Version: "v1.0.0"}, release.ErrExists},
			{"bad version", release.CreateInput{Version: "latest"}, release.ErrInvalid},
			{"unknown ref", release.CreateInput{Version: "v2", Ref: "nope"}, release.ErrNotFound},
		} {
			if _, err := svc.Create(ctx, "ttd", "demo", tt.in); !errors.Is(err, tt.want) {
				t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
			}
		}
		if _, err := svc.Create(ctx, "ttd", "nope", release.CreateInput{Version: "v1"}); !errors.Is(err, release.ErrNotFound) {
			t.Errorf("unknown app: %v", err)
		}
		// A tag made outside studio (a git push) takes the version too.
		if err := repo.Tag(ctx, "v3", head); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Create(ctx, "ttd", "demo", release.CreateInput{Version: "v3"}); !errors.Is(err, release.ErrExists) {
			t.Errorf("pushed tag: %v, want ErrExists", err)
		}
		if list, _ := svc.Store().List(ctx, "ttd", "demo"); len(list) != 1 {
			t.Fatalf("releases = %+v, want only v1.0.0", list)
		}
	})
}

func TestLintErrorsRefuseRelease(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		svc, repos, _, _ := setup(t, db)
		repo, _ := repos.Open(ctx, "ttd", "demo")
		head, _ := repo.Head(ctx, "main")
		layout, err := repo.ReadFile(ctx, head, "App/ui/form/layouts/side1.json")
		if err != nil {
			t.Fatal(err)
		}
		broken := strings.Replace(string(layout), `"simpleBinding": "navn"`, `"simpleBinding": "finnesIkke"`, 1)
		if _, err := repo.Commit(ctx, "main", head, alice, "break binding", []gitrepo.Change{{Path: "App/ui/form/layouts/side1.json", Content: []byte(broken)}}); err != nil {
			t.Fatal(err)
		}
		_, err = svc.Create(ctx, "ttd", "demo", release.CreateInput{Version: "v1"})
		var le *release.LintError
		if !errors.As(err, &le) || !errors.Is(err, release.ErrLint) || le.Report.Count(lint.Error) == 0 {
			t.Fatalf("err = %v, want a LintError", err)
		}
		if tags, _ := repo.Tags(ctx); len(tags) != 0 {
			t.Fatalf("a refused release left tags %v", tags)
		}
		if list, _ := svc.Store().List(ctx, "ttd", "demo"); len(list) != 0 {
			t.Fatalf("a refused release was stored: %+v", list)
		}
		// The commit before the break still releases.
		if _, err := svc.Create(ctx, "ttd", "demo", release.CreateInput{Version: "v1", Ref: head}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestDeployAndStatus(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		svc, _, test, prod := setup(t, db)
		rel, err := svc.Create(ctx, "ttd", "demo", release.CreateInput{Version: "1.0.0", By: "alice"})
		if err != nil {
			t.Fatal(err)
		}
		d, err := svc.Deploy(ctx, "ttd", "demo", "test", "1.0.0", "bob")
		if err != nil || d.Status != release.StatusSucceeded || d.ID == 0 {
			t.Fatalf("deploy = %+v, %v", d, err)
		}
		stored, _ := svc.Store().Bundle(ctx, rel.ID)
		if string(test.deployed["1.0.0"]) != string(stored) {
			t.Fatal("the runtime did not get the release's bundle")
		}
		prod.fail = errors.New("connection refused")
		d, err = svc.Deploy(ctx, "ttd", "demo", "production", "1.0.0", "bob")
		if !errors.Is(err, release.ErrRuntime) || d.Status != release.StatusFailed || !strings.Contains(d.Error, "connection refused") {
			t.Fatalf("failed deploy = %+v, %v", d, err)
		}
		for _, tt := range []struct{ env, version string }{{"staging", "1.0.0"}, {"test", "9.9.9"}} {
			if _, err := svc.Deploy(ctx, "ttd", "demo", tt.env, tt.version, "bob"); !errors.Is(err, release.ErrNotFound) {
				t.Errorf("deploy %s to %s: %v, want ErrNotFound", tt.version, tt.env, err)
			}
		}
		st, err := svc.Status(ctx, "ttd", "demo")
		if err != nil || len(st) != 2 {
			t.Fatalf("status = %+v, %v", st, err)
		}
		if st[0].Last == nil || st[0].Last.Version != "1.0.0" || st[0].Last.DeployedBy != "bob" || st[0].RuntimeVersion != "1.0.0" {
			t.Errorf("test status = %+v", st[0])
		}
		if st[1].Last != nil || st[1].RuntimeError == "" {
			t.Errorf("production status = %+v, want no deploy and the runtime's error", st[1])
		}
		if _, err := svc.Undeploy(ctx, "ttd", "demo", "test", "1.0.0", "bob"); err != nil {
			t.Fatal(err)
		}
		if st, _ := svc.Status(ctx, "ttd", "demo"); st[0].RuntimeVersion != "" || st[0].Last.Action != release.ActionUndeploy {
			t.Errorf("after undeploy: %+v", st[0])
		}
		if ds, _ := svc.Store().Deploys(ctx, "ttd", "demo", 10); len(ds) != 3 {
			t.Fatalf("deploy rows = %d, want 3 (two deploys, one undeploy)", len(ds))
		}
	})
}
