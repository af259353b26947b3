// SPDX-License-Identifier: MIT

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/blankett/blankett/runtime/client"
)

// defaultProfile is the profile used without --profile.
const defaultProfile = "default"

// envToken is a platform token that replaces the profile's client key.
const envToken = "BLANKETT_TOKEN"

// profile is how the CLI reaches one runtime as one machine client.
type profile struct {
	URL      string   `json:"url"`
	ClientID string   `json:"clientId"`
	KeyFile  string   `json:"keyFile"`
	KeyID    string   `json:"keyId,omitempty"`
	Scopes   []string `json:"scopes"`
}

// profileFile is the content of profiles.json.
type profileFile struct {
	Profiles map[string]profile `json:"profiles"`
}

// profilesPath is os.UserConfigDir()/blankett/profiles.json.
func profilesPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the config folder: %w", err)
	}
	return filepath.Join(dir, "blankett", "profiles.json"), nil
}

func loadProfiles() (profileFile, string, error) {
	path, err := profilesPath()
	if err != nil {
		return profileFile{}, "", err
	}
	pf := profileFile{Profiles: map[string]profile{}}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return pf, path, nil
	}
	if err != nil {
		return pf, path, err
	}
	if err := json.Unmarshal(b, &pf); err != nil {
		return pf, path, fmt.Errorf("read %s: %w", path, err)
	}
	if pf.Profiles == nil {
		pf.Profiles = map[string]profile{}
	}
	return pf, path, nil
}

// saveProfiles writes pf with mode 0600, replacing the file atomically.
func saveProfiles(pf profileFile, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	b, err := json.MarshalIndent(pf, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(b, '\n'))
}

// loadProfile returns the named profile.
func loadProfile(name string) (profile, error) {
	pf, path, err := loadProfiles()
	if err != nil {
		return profile{}, err
	}
	p, ok := pf.Profiles[name]
	if !ok {
		return profile{}, usageError{fmt.Errorf("no profile %q in %s: run blankett login", name, path)}
	}
	return p, nil
}

// newClient builds an API client for p; BLANKETT_TOKEN, when set, is used
// instead of the client key.
func (p profile) newClient() (*client.Client, error) {
	opts := []client.Option{client.WithUserAgent("blankett-cli/" + buildVersion())}
	if tok := os.Getenv(envToken); tok != "" {
		opts = append(opts, client.WithToken(tok))
	} else {
		b, err := os.ReadFile(p.KeyFile)
		if err != nil {
			return nil, usageError{fmt.Errorf("read the client key: %w", err)}
		}
		key, err := client.ParsePrivateKeyPEM(b)
		if err != nil {
			return nil, usageError{fmt.Errorf("%s: %w", p.KeyFile, err)}
		}
		opts = append(opts, client.WithClientKey(p.ClientID, key))
		if p.KeyID != "" {
			opts = append(opts, client.WithKeyID(p.KeyID))
		}
	}
	if len(p.Scopes) > 0 {
		opts = append(opts, client.WithScopes(p.Scopes...))
	}
	c, err := client.New(p.URL, opts...)
	if err != nil {
		return nil, usageError{err}
	}
	return c, nil
}
