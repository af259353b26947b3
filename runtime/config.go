// SPDX-License-Identifier: MIT

package runtime

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/devidp"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/pdf"
)

// ErrConfig reports a runtime configuration that cannot work.
var ErrConfig = errors.New("runtime: invalid configuration")

// Config is the runtime role's own configuration, beside config.Base.
//
// Login and platform tokens are all-or-nothing outside dev mode: with none of the
// issuer, client id, client secret and signing key set, the runtime starts with login
// off (the login routes answer 503 "login_not_configured", the token routes 503
// "tokens_not_configured") and says so in the log; with any of them set, the issuer,
// client id and signing key are all required and start-up fails naming what is
// missing. In dev mode nothing is required: without an issuer the built-in dev IdP
// serves at PUBLIC_URL/devidp, and a missing signing key is generated per process.
type Config struct {
	OIDCIssuer       string        `flag:"oidc-issuer" env:"OIDC_ISSUER" usage:"OpenID Provider issuer URL for citizen login, e.g. https://idporten.no (dev mode without it: the built-in dev IdP at PUBLIC_URL/devidp)"`
	OIDCClientID     string        `flag:"oidc-client-id" env:"OIDC_CLIENT_ID" usage:"client id registered at the OpenID Provider; the redirect URI to register is PUBLIC_URL/login/callback"`
	OIDCClientSecret string        `flag:"oidc-client-secret" env:"OIDC_CLIENT_SECRET" secret:"true" usage:"client secret at the OpenID Provider"`
	OIDCACRValues    string        `flag:"oidc-acr-values" env:"OIDC_ACR_VALUES" usage:"assurance level to ask the provider for, e.g. idporten-loa-substantial"`
	LoginStateKey    string        `flag:"login-state-key" env:"LOGIN_STATE_KEY" secret:"true" usage:"key of at least 32 bytes signing the login-state cookie; replicas must share it (default: random per process)"`
	TokenSigningKey  string        `flag:"token-signing-key-file" env:"TOKEN_SIGNING_KEY_FILE" usage:"file with the Ed25519 key signing platform tokens: PKCS#8 PEM or a 32-byte seed (raw, hex or base64); required outside dev mode"`
	SessionIdle      time.Duration `flag:"session-idle-timeout" env:"SESSION_IDLE_TIMEOUT" default:"30m" usage:"a login session ends after this long without requests"`
	SessionMaxAge    time.Duration `flag:"session-max-age" env:"SESSION_MAX_AGE" default:"12h" usage:"a login session ends this long after login, however active"`
	DevSeed          string        `flag:"dev-seed" env:"DEV_SEED" usage:"JSON file of dev IdP test persons, organisations and roles (dev mode only; default: the built-in seed)"`
	// The orphan-blob sweeper (runtime/internal/sweeper): blobs no data element
	// references, left by crashes, replaced content and deleted instances.
	BlobSweepInterval time.Duration `flag:"blob-sweep-interval" env:"BLOB_SWEEP_INTERVAL" default:"1h" usage:"how often the runtime deletes orphan blobs (content no data element references, left by crashes and deletions); 0 turns the sweeper off"`
	BlobSweepGrace    time.Duration `flag:"blob-sweep-grace" env:"BLOB_SWEEP_GRACE" default:"24h" usage:"an orphan blob is deleted only once older than this, so content whose row is still being written is never swept"`
	// Event delivery (runtime/internal/events): webhook timeout and retries.
	EventsWebhookTimeout time.Duration `flag:"events-webhook-timeout" env:"EVENTS_WEBHOOK_TIMEOUT" default:"45s" usage:"how long a webhook endpoint has to answer one delivery"`
	EventsMaxAttempts    int           `flag:"events-max-attempts" env:"EVENTS_MAX_ATTEMPTS" default:"10" usage:"deliveries of an event to a webhook before it is a dead letter"`
	EventsRetryBase      time.Duration `flag:"events-retry-base" env:"EVENTS_RETRY_BASE" default:"10s" usage:"wait after a webhook's first failed delivery; it doubles per attempt (with jitter) up to 12h"`
	// Event retention: how long events (pull API), finished deliveries and dead
	// letters are kept; pruned hourly.
	EventsRetention time.Duration `flag:"events-retention" env:"EVENTS_RETENTION" default:"2160h" usage:"how long events, finished deliveries and dead letters are kept (2160h = 90 days, as Altinn); an event a delivery still needs is kept longer; 0 keeps them forever"`
	// PDF receipts (runtime/internal/pdf): the Chromium that prints them.
	PDFChromium string        `flag:"pdf-chromium" env:"PDF_CHROMIUM" usage:"Chromium binary that prints PDF receipts (default: chromium, chromium-browser or google-chrome on PATH; none found: jobs wait in the outbox for a runtime that has one); \"off\" turns PDF receipts off"`
	PDFTimeout  time.Duration `flag:"pdf-timeout" env:"PDF_TIMEOUT" default:"30s" usage:"how long Chromium has to print one PDF receipt"`
	PDFParallel int           `flag:"pdf-parallel" env:"PDF_PARALLEL" default:"2" usage:"PDF receipts printed at once per runtime (one Chromium tab each)"`
	// Apps are app repository directories served as version "local" beside the
	// deployed releases, for local work; the flag repeats, the env var is a
	// comma-separated list.
	Apps []string `flag:"app" env:"APP" usage:"app repository directory (the folder holding App/) to serve as version local; repeat for more apps"`
}

// DefaultConfig returns the defaults the flags have, for tests and embedding. The
// flags' own defaults are the default tags of Config.
func DefaultConfig() Config {
	return Config{SessionIdle: 30 * time.Minute, SessionMaxAge: 12 * time.Hour, BlobSweepInterval: time.Hour, BlobSweepGrace: 24 * time.Hour,
		EventsWebhookTimeout: events.DefaultTimeout, EventsMaxAttempts: events.DefaultRetry.MaxAttempts, EventsRetryBase: events.DefaultRetry.Base,
		EventsRetention: events.DefaultRetention,
		PDFTimeout:      pdf.DefaultTimeout, PDFParallel: pdf.DefaultParallel}
}

// loginConfigured reports whether any login or token setting is given.
func (c Config) loginConfigured() bool {
	return c.OIDCIssuer != "" || c.OIDCClientID != "" || c.OIDCClientSecret != "" || c.TokenSigningKey != ""
}

// Validate checks c for a server in dev mode (or not) at publicURL, reading the key and
// seed files so that a bad file stops start-up. It returns every problem at once.
func (c Config) Validate(dev bool, publicURL string) error {
	var errs []error
	add := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if c.SessionIdle <= 0 || c.SessionMaxAge <= 0 {
		add("--session-idle-timeout and --session-max-age must be positive")
	} else if c.SessionMaxAge < c.SessionIdle {
		add("--session-max-age (%s) must not be shorter than --session-idle-timeout (%s)", c.SessionMaxAge, c.SessionIdle)
	}
	if c.BlobSweepInterval < 0 {
		add("--blob-sweep-interval must not be negative (0 turns the sweeper off)")
	}
	if c.BlobSweepInterval > 0 && c.BlobSweepGrace <= 0 {
		add("--blob-sweep-grace must be positive")
	}
	if c.EventsWebhookTimeout < 0 || c.EventsMaxAttempts < 0 || c.EventsRetryBase < 0 {
		add("--events-webhook-timeout, --events-max-attempts and --events-retry-base must not be negative (0 is the default)")
	}
	if c.EventsRetention < 0 {
		add("--events-retention must not be negative (0 keeps events forever)")
	}
	if c.PDFTimeout < 0 || c.PDFParallel < 0 {
		add("--pdf-timeout and --pdf-parallel must not be negative (0 is the default)")
	}
	if n := len(c.LoginStateKey); n > 0 && n < 32 {
		add("--login-state-key must be at least 32 bytes, got %d", n)
	}
	if c.OIDCIssuer != "" {
		if u, err := url.Parse(c.OIDCIssuer); err != nil || (u.Scheme != "https" && !(dev && u.Scheme == "http")) || u.Host == "" {
			add("--oidc-issuer %q must be an absolute https URL (http only in dev mode)", c.OIDCIssuer)
		}
	}
	if !dev && c.loginConfigured() {
		for _, m := range []struct{ flag, value string }{{"--oidc-issuer", c.OIDCIssuer},
			{"--oidc-client-id", c.OIDCClientID}, {"--token-signing-key-file", c.TokenSigningKey}} {
			if m.value == "" {
				add("%s is required when login is configured outside dev mode", m.flag)
			}
		}
	}
	if c.OIDCIssuer != "" && c.OIDCClientID == "" && dev {
		add("--oidc-client-id is required with --oidc-issuer")
	}
	if c.TokenSigningKey != "" {
		if _, err := LoadSigningKey(c.TokenSigningKey); err != nil {
			errs = append(errs, err)
		}
	}
	if c.DevSeed != "" {
		if !dev {
			add("--dev-seed needs --dev")
		} else if _, err := devidp.LoadSeed(c.DevSeed); err != nil {
			add("--dev-seed: %w", err)
		}
	}
	for _, dir := range c.Apps {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			add("--app %q is not a directory", dir)
		}
	}
	if u, err := url.Parse(publicURL); err != nil || u.Host == "" {
		add("public URL %q is not absolute", publicURL)
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %w", ErrConfig, errors.Join(errs...))
	}
	return nil
}

// LoadSigningKey reads an Ed25519 private key: PKCS#8 PEM ("PRIVATE KEY", as
// `openssl genpkey -algorithm ed25519` writes), or a 32-byte seed given raw, in hex or
// in base64. Errors never include the file's content.
func LoadSigningKey(path string) (authn.SigningKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return authn.SigningKey{}, fmt.Errorf("%w: --token-signing-key-file: %w", ErrConfig, err)
	}
	if block, _ := pem.Decode(b); block != nil {
		k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		priv, ok := k.(ed25519.PrivateKey)
		if err != nil || !ok {
			return authn.SigningKey{}, fmt.Errorf("%w: --token-signing-key-file %s: not a PKCS#8 Ed25519 private key", ErrConfig, path)
		}
		return authn.NewSigningKey(priv), nil
	}
	if seed := decodeSeed(b); seed != nil {
		return authn.NewSigningKey(ed25519.NewKeyFromSeed(seed)), nil
	}
	return authn.SigningKey{}, fmt.Errorf("%w: --token-signing-key-file %s: want PKCS#8 PEM or a 32-byte seed (raw, hex or base64)", ErrConfig, path)
}

// decodeSeed returns the 32-byte seed in b, or nil.
func decodeSeed(b []byte) []byte {
	if len(b) == ed25519.SeedSize {
		return b
	}
	s := string(bytes.TrimSpace(b))
	if d, err := hex.DecodeString(s); err == nil && len(d) == ed25519.SeedSize {
		return d
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if d, err := enc.DecodeString(s); err == nil && len(d) == ed25519.SeedSize {
			return d
		}
	}
	return nil
}
