// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/config"
	"github.com/blankett/blankett/internal/platform"
	"github.com/blankett/blankett/runtime"
)

// openIDConfigPath is where the runtime publishes its token issuer's metadata.
const openIDConfigPath = "/authentication/api/v1/openid/.well-known/openid-configuration"

// localRuntime is the runtime role running in this process on loopback, serving
// one app from a directory, with a seeded end user who may act for an
// organisation, for `blankett bench` and the end-to-end test.
type localRuntime struct {
	// URL is the public base URL, http://127.0.0.1:PORT.
	URL string
	// Database is the resolved DSN the runtime uses.
	Database string
	// Admin is the admin listener's base URL (its /metrics), on a loopback port.
	Admin  string
	seed   benchSeed
	issuer *authn.Issuer
	stop   func() error
}

// localRuntimeOptions configure startLocalRuntime.
type localRuntimeOptions struct {
	// Dir holds the key file, the blobs and (without Database) the SQLite file.
	Dir      string
	Database string
	AppDir   string
	LogLevel string
	Logs     io.Writer
	// BlobSync is the fs blob store's --blob-fs-sync ("" for the default).
	BlobSync string
	// GCPercent is the runtime's --gc-percent (0 for the default).
	GCPercent int
	// MaxActive is the runtime's --database-max-active (0 for the default).
	MaxActive int
	// PDFChromium is the runtime's --pdf-chromium ("" for the default lookup).
	PDFChromium string
}

// startLocalRuntime migrates, seeds and starts the runtime; stop ends it.
func startLocalRuntime(ctx context.Context, o localRuntimeOptions) (*localRuntime, error) {
	addr, err := freeLoopbackAddr()
	if err != nil {
		return nil, err
	}
	seedKey := make([]byte, ed25519.SeedSize)
	_, _ = rand.Read(seedKey)
	keyFile := filepath.Join(o.Dir, "token-signing.key")
	if err := os.WriteFile(keyFile, []byte(hex.EncodeToString(seedKey)), 0o600); err != nil {
		return nil, err
	}
	gc := o.GCPercent
	if gc == 0 {
		gc = config.DefaultGCPercent
	}
	base := config.Base{Addr: addr, PublicURL: "http://" + addr, AdminAddr: "127.0.0.1:0", DataDir: o.Dir,
		Database: o.Database, Migrate: true, Blob: config.BlobConfig{Backend: "fs", Dir: filepath.Join(o.Dir, "blobs"), FSSync: o.BlobSync},
		LogLevel: o.LogLevel, LogFormat: "json", ShutdownTimeout: 5 * time.Second, GCPercent: gc,
		DatabaseMaxActive: o.MaxActive}
	if err := base.Resolve(); err != nil {
		return nil, err
	}
	rc := runtime.DefaultConfig()
	// Tokens need a login configuration outside dev mode. Nobody logs in through
	// a browser here; the issuer is a closed loopback port so that a stray /login
	// fails at once and nothing leaves the machine.
	rc.OIDCIssuer, rc.OIDCClientID, rc.TokenSigningKey = "https://127.0.0.1:1", "blankett-bench", keyFile
	rc.LoginStateKey = hex.EncodeToString(seedKey) // 64 bytes, never used
	rc.Apps = []string{o.AppDir}
	rc.PDFChromium = o.PDFChromium
	if err := rc.Validate(false, base.PublicURL); err != nil {
		return nil, err
	}
	roles := []platform.Role{runtime.New(rc)}
	if err := platform.Migrate(ctx, base, roles, io.Discard); err != nil {
		return nil, err
	}
	seed, err := seedEndUser(ctx, base.Database)
	if err != nil {
		return nil, err
	}
	rt := &localRuntime{URL: base.PublicURL, Database: base.Database, seed: seed}
	if err := rt.run(ctx, base, roles, o.Logs); err != nil {
		return nil, err
	}
	iss, err := issuerOf(ctx, rt.URL, authn.NewSigningKey(ed25519.NewKeyFromSeed(seedKey)))
	if err != nil {
		_ = rt.stop()
		return nil, err
	}
	rt.issuer = iss
	return rt, nil
}

// run starts platform.Run and waits until it is ready.
func (rt *localRuntime) run(ctx context.Context, base config.Base, roles []platform.Role, logs io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	ready := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- platform.Run(ctx, base, platform.Options{Version: buildVersion(), Logs: logs, Effective: &base,
			Roles: roles, Ready: func(_, admin string) { rt.Admin = "http://" + admin; close(ready) }})
	}()
	select {
	case <-ready:
		rt.stop = func() error { cancel(); return <-done }
		return nil
	case err := <-done:
		cancel()
		return fmt.Errorf("runtime ended before it was ready: %w", err)
	case <-time.After(time.Minute):
		cancel()
		return fmt.Errorf("runtime not ready after a minute")
	}
}

// Close stops the runtime and waits for it.
func (rt *localRuntime) Close() error { return rt.stop() }

// userToken is a platform token for the seeded end user, as an end-user system
// acting for them would hold.
func (rt *localRuntime) userToken(ttl time.Duration) (string, error) {
	uid := strconv.FormatInt(rt.seed.UserID, 10)
	tok, _, err := rt.issuer.Issue(authn.Claims{Subject: uid, UserID: uid, PartyID: rt.seed.UserPartyID, AuthLevel: 3,
		AuthMethod: "bench", Scopes: []string{"altinn:instances.read", "altinn:instances.write"}, ClientID: "blankett-bench"}, ttl)
	return tok, err
}

// issuerOf builds an issuer equal to the runtime's: same key, and the issuer
// name the runtime publishes.
func issuerOf(ctx context.Context, baseURL string, key authn.SigningKey) (*authn.Issuer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+openIDConfigPath, nil)
	if err != nil {
		return nil, err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var meta struct {
		Issuer string `json:"issuer"`
	}
	if err := json.NewDecoder(res.Body).Decode(&meta); err != nil || res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("read the runtime's token issuer: status %d: %v", res.StatusCode, err)
	}
	return authn.NewIssuer(authn.IssuerConfig{Issuer: meta.Issuer, Key: key})
}

// freeLoopbackAddr picks a free port on 127.0.0.1. The runtime must know its
// public URL before it listens (tokens name it), so the port is chosen first.
func freeLoopbackAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := ln.Addr().String()
	return addr, ln.Close()
}
