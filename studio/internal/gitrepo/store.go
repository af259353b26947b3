// SPDX-License-Identifier: MIT

package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	git "github.com/go-git/go-git/v5"
)

// Options tune a Store. The zero value is ready to use.
type Options struct {
	// Git is the git binary (default "git" on PATH). It must be 2.38 or
	// newer, for merge-tree --write-tree.
	Git string
	// Now is the clock for commit times (default time.Now).
	Now func() time.Time
	// LockTimeout is how long a commit waits for a branch that another
	// writer has locked before it gives up with ErrLocked (default 3 s).
	LockTimeout time.Duration
}

// Store holds the app repositories under one folder.
type Store struct {
	root        string
	git         string
	now         func() time.Time
	lockTimeout time.Duration
	// refLocks queue in-process writers of one ref, so they wait on a
	// mutex instead of polling git's lock file.
	refLocks sync.Map
}

// Author is who made a commit.
type Author struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

// New opens the repository store under <dataDir>/repos, creating the folder,
// and checks that the git CLI is 2.38 or newer.
func New(ctx context.Context, dataDir string, opts Options) (*Store, error) {
	s := &Store{root: filepath.Join(dataDir, "repos"), git: opts.Git, now: opts.Now, lockTimeout: opts.LockTimeout}
	if s.git == "" {
		s.git = "git"
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.lockTimeout <= 0 {
		s.lockTimeout = 3 * time.Second
	}
	if _, err := CheckGitVersion(ctx, s.git); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(s.root, 0o750); err != nil {
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	return s, nil
}

// Root is the folder holding <org>/<app>.git; git-http-backend serves it as
// GIT_PROJECT_ROOT.
func (s *Store) Root() string { return s.root }

// GitPath is the git binary the store runs.
func (s *Store) GitPath() string { return s.git }

var gitVersionRE = regexp.MustCompile(`git version (\d+)\.(\d+)`)

// CheckGitVersion runs `git --version` and returns the version, or
// ErrGitVersion when git is missing or older than 2.38.
func CheckGitVersion(ctx context.Context, gitPath string) (string, error) {
	out, err := exec.CommandContext(ctx, gitPath, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("%w: running %s --version: %v", ErrGitVersion, gitPath, err)
	}
	m := gitVersionRE.FindStringSubmatch(string(out))
	if m == nil {
		return "", fmt.Errorf("%w: cannot read the version in %q", ErrGitVersion, strings.TrimSpace(string(out)))
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	v := strings.TrimSpace(strings.TrimPrefix(string(out), "git version "))
	if major < 2 || major == 2 && minor < 38 {
		return v, fmt.Errorf("%w (found %s)", ErrGitVersion, v)
	}
	return v, nil
}

// Path returns the folder of an app's bare repository, after checking the
// names, so no name can reach outside the store.
func (s *Store) Path(org, app string) (string, error) {
	if err := CheckOrg(org); err != nil {
		return "", err
	}
	if err := CheckApp(app); err != nil {
		return "", err
	}
	return filepath.Join(s.root, org, app+".git"), nil
}

// Open opens an existing app repository. A Repo is cheap and not safe for
// concurrent use: open one per request.
func (s *Store) Open(ctx context.Context, org, app string) (*Repo, error) {
	dir, err := s.Path(org, app)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%w: app %s/%s", ErrNotFound, org, app)
	}
	return s.openDir(dir, org, app)
}

func (s *Store) openDir(dir, org, app string) (*Repo, error) {
	g, err := git.PlainOpen(dir)
	if err != nil {
		if errors.Is(err, git.ErrRepositoryNotExists) {
			return nil, fmt.Errorf("%w: app %s/%s", ErrNotFound, org, app)
		}
		return nil, fmt.Errorf("gitrepo: open %s/%s: %w", org, app, err)
	}
	return &Repo{s: s, Org: org, App: app, dir: dir, g: g}, nil
}

// Exists reports whether the app has a repository.
func (s *Store) Exists(org, app string) bool {
	dir, err := s.Path(org, app)
	if err != nil {
		return false
	}
	st, err := os.Stat(dir)
	return err == nil && st.IsDir()
}

// Apps lists the apps of an org, sorted.
func (s *Store) Apps(ctx context.Context, org string) ([]string, error) {
	if err := CheckOrg(org); err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(filepath.Join(s.root, org))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	var out []string
	for _, e := range ents {
		name, ok := strings.CutSuffix(e.Name(), ".git")
		if ok && e.IsDir() && CheckApp(name) == nil {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out, nil
}

// Delete removes an app's repository for good.
func (s *Store) Delete(ctx context.Context, org, app string) error {
	dir, err := s.Path(org, app)
	if err != nil {
		return err
	}
	if _, err := os.Stat(dir); err != nil {
		return fmt.Errorf("%w: app %s/%s", ErrNotFound, org, app)
	}
	// Rename first, so a half-deleted repository is never served.
	tmp := filepath.Join(s.root, org, fmt.Sprintf(".deleting-%s-%d", app, s.now().UnixNano()))
	if err := os.Rename(dir, tmp); err != nil {
		return fmt.Errorf("gitrepo: delete %s/%s: %w", org, app, err)
	}
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("gitrepo: delete %s/%s: %w", org, app, err)
	}
	return nil
}

// runGit runs git in the bare repository dir and returns its stdout.
func (s *Store) runGit(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, s.git, append([]string{"--git-dir", dir}, args...)...)
	cmd.Env = append(os.Environ(), "LC_ALL=C", "GIT_CONFIG_NOSYSTEM=1", "GIT_TERMINAL_PROMPT=0")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, &gitError{args: args, err: err, stderr: strings.TrimSpace(stderr.String())}
	}
	return out, nil
}

// gitError is a failed git command with its stderr.
type gitError struct {
	args   []string
	err    error
	stderr string
}

func (e *gitError) Error() string {
	return fmt.Sprintf("gitrepo: git %s: %v: %s", strings.Join(e.args, " "), e.err, e.stderr)
}

func (e *gitError) Unwrap() error { return e.err }

// exitCode is the git process's exit code, -1 when it did not run.
func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}
