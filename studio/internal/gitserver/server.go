// SPDX-License-Identifier: MIT

package gitserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/cgi"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/studio/internal/gitrepo"
)

// Prefix is where the server is mounted; every path it serves starts with it.
const Prefix = "/repos/"

// PushFunc is called after a push has moved ref from old to new ("" old for
// a new branch). It runs before the push's HTTP response ends, with a context
// that outlives the client, so it should be quick or hand work off.
type PushFunc func(ctx context.Context, org, app, ref, old, new string)

// Config sets up a Server.
type Config struct {
	Store *gitrepo.Store
	Auth  Authenticator
	// OnPush, when set, is called for every ref a push moved.
	OnPush PushFunc
	Log    *slog.Logger
	// Backend is git-http-backend (default: in `git --exec-path`).
	Backend string
	// Realm is the Basic auth realm (default "Blankett").
	Realm string
	// MaxPushBytes caps the request body of one push (default 512 MiB). A
	// larger push is cut off; receive-pack then lands nothing.
	MaxPushBytes int64
}

// Server is the git smart-HTTP endpoint.
type Server struct {
	cfg Config
}

// New checks the configuration and finds git-http-backend.
func New(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Auth == nil {
		return nil, errors.New("gitserver: Store and Auth are required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Realm == "" {
		cfg.Realm = "Blankett"
	}
	if cfg.MaxPushBytes <= 0 {
		cfg.MaxPushBytes = 512 << 20
	}
	if cfg.Backend == "" {
		out, err := exec.CommandContext(ctx, cfg.Store.GitPath(), "--exec-path").Output()
		if err != nil {
			return nil, fmt.Errorf("gitserver: git --exec-path: %w", err)
		}
		cfg.Backend = filepath.Join(strings.TrimSpace(string(out)), "git-http-backend")
	}
	if st, err := os.Stat(cfg.Backend); err != nil || st.IsDir() {
		return nil, fmt.Errorf("gitserver: no git-http-backend at %s", cfg.Backend)
	}
	return &Server{cfg: cfg}, nil
}

// gitPathRE is every path below <app>.git/ that git clients use.
var gitPathRE = regexp.MustCompile(`^(info/refs|git-upload-pack|git-receive-pack|HEAD|objects/info/(alternates|http-alternates|packs)|objects/[0-9a-f]{2}/[0-9a-f]{38}|objects/pack/pack-[0-9a-f]{40}\.(pack|idx))$`)

// route is a parsed request path.
type route struct {
	org, app, rest string
	push           bool
}

func parseRoute(r *http.Request) (route, bool) {
	p, ok := strings.CutPrefix(r.URL.Path, Prefix)
	if !ok {
		return route{}, false
	}
	org, rest, ok1 := strings.Cut(p, "/")
	repo, rest, ok2 := strings.Cut(rest, "/")
	app, ok3 := strings.CutSuffix(repo, ".git")
	if !ok1 || !ok2 || !ok3 || gitrepo.CheckOrg(org) != nil || gitrepo.CheckApp(app) != nil || !gitPathRE.MatchString(rest) {
		return route{}, false
	}
	push := rest == "git-receive-pack" || rest == "info/refs" && r.URL.Query().Get("service") == "git-receive-pack"
	return route{org: org, app: app, rest: rest, push: push}, true
}

// Problem codes of the git endpoint.
const (
	CodeUnauthenticated = "git_unauthenticated"
	CodeForbidden       = "git_forbidden"
	CodeRepoNotFound    = "git_repo_not_found"
)

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rt, ok := parseRoute(r)
	if !ok {
		httpx.WriteProblem(w, r, httpx.NewProblem(http.StatusNotFound, httpx.CodeNotFound, "Not a git repository path: use /repos/<org>/<app>.git."))
		return
	}
	user, secret, ok := r.BasicAuth()
	var p Principal
	var err error
	if ok {
		p, err = s.cfg.Auth.Authenticate(r.Context(), user, secret)
	}
	if !ok || err != nil {
		w.Header().Set("WWW-Authenticate", fmt.Sprintf("Basic realm=%q, charset=\"UTF-8\"", s.cfg.Realm))
		httpx.WriteProblem(w, r, httpx.NewProblem(http.StatusUnauthorized, CodeUnauthenticated, "Sign in with your user name and an access token as the password."))
		return
	}
	perm := PermRead
	if rt.push {
		perm = PermEdit
	}
	if !s.cfg.Auth.Can(r.Context(), p, rt.org, rt.app, perm) {
		httpx.WriteProblem(w, r, httpx.NewProblem(http.StatusForbidden, CodeForbidden,
			fmt.Sprintf("%s may not %s %s/%s.", p.Name, map[Permission]string{PermRead: "read", PermEdit: "push to"}[perm], rt.org, rt.app)))
		return
	}
	if !s.cfg.Store.Exists(rt.org, rt.app) {
		httpx.WriteProblem(w, r, httpx.NewProblem(http.StatusNotFound, CodeRepoNotFound, fmt.Sprintf("There is no app %s/%s.", rt.org, rt.app)))
		return
	}
	if r.Method == http.MethodPost {
		// No CONTENT_LENGTH for git-http-backend: git 2.39 loops forever
		// when a body with a declared length ends early (a client gone, or
		// MaxPushBytes). Read to EOF instead, a truncated pack is refused.
		r.ContentLength = -1
		r.Header.Del("Content-Length")
	}
	if rt.push && rt.rest == "git-receive-pack" {
		s.receive(w, r, rt, p)
		return
	}
	s.backend(p).ServeHTTP(w, r)
}

// receive runs a push and reports the refs it moved.
func (s *Server) receive(w http.ResponseWriter, r *http.Request, rt route, p Principal) {
	ctx := context.WithoutCancel(r.Context())
	before, err := s.refs(ctx, rt)
	if err != nil {
		s.cfg.Log.Error("git push: refs before", "app", rt.org+"/"+rt.app, "err", err)
		httpx.WriteProblem(w, r, httpx.NewProblem(http.StatusInternalServerError, httpx.CodeInternal, "The repository cannot be read."))
		return
	}
	// No ResponseWriter here: net/http/cgi copies the body to git in its own goroutine
	// while the handler goroutine writes the answer, and MaxBytesReader would mark the
	// response from that copying goroutine (a data race the race detector caught). The
	// cut-off still happens: git's stdin ends with an error and the push is refused.
	r.Body = http.MaxBytesReader(nil, r.Body, s.cfg.MaxPushBytes)
	s.backend(p).ServeHTTP(w, r)
	after, err := s.refs(ctx, rt)
	if err != nil {
		s.cfg.Log.Error("git push: refs after", "app", rt.org+"/"+rt.app, "err", err)
		return
	}
	for ref, newH := range after {
		if old := before[ref]; old != newH {
			s.cfg.Log.Info("git push", "app", rt.org+"/"+rt.app, "user", p.Name, "ref", ref, "old", old, "new", newH)
			if s.cfg.OnPush != nil {
				s.cfg.OnPush(ctx, rt.org, rt.app, ref, old, newH)
			}
		}
	}
}

func (s *Server) refs(ctx context.Context, rt route) (map[string]string, error) {
	repo, err := s.cfg.Store.Open(ctx, rt.org, rt.app)
	if err != nil {
		return nil, err
	}
	return repo.Refs(ctx)
}

// backend is git-http-backend for one user.
func (s *Server) backend(p Principal) *cgi.Handler {
	email := p.Email
	if email == "" {
		email = p.Name + "@blankett.invalid"
	}
	env := []string{
		"GIT_PROJECT_ROOT=" + s.cfg.Store.Root(),
		"GIT_HTTP_EXPORT_ALL=1",
		"REMOTE_USER=" + p.Name,
		"GIT_COMMITTER_NAME=" + p.Name,
		"GIT_COMMITTER_EMAIL=" + email,
		"GIT_CONFIG_NOSYSTEM=1",
		"HOME=" + os.TempDir(),
	}
	cfg := [][2]string{
		{"receive.denyNonFastForwards", "true"},
		{"receive.denyDeletes", "true"},
		{"receive.fsckObjects", "true"},
		{"core.hooksPath", os.DevNull},
		{"uploadpack.allowFilter", "true"},
	}
	env = append(env, fmt.Sprintf("GIT_CONFIG_COUNT=%d", len(cfg)))
	for i, kv := range cfg {
		env = append(env, fmt.Sprintf("GIT_CONFIG_KEY_%d=%s", i, kv[0]), fmt.Sprintf("GIT_CONFIG_VALUE_%d=%s", i, kv[1]))
	}
	return &cgi.Handler{Path: s.cfg.Backend, Root: strings.TrimSuffix(Prefix, "/"), Env: env, Logger: slog.NewLogLogger(s.cfg.Log.Handler(), slog.LevelError)}
}
