// SPDX-License-Identifier: MIT

package authn

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Default cookie names. The __Host- prefix makes browsers refuse the cookie unless it is
// Secure, has Path=/ and no Domain, so a sibling subdomain cannot plant or overwrite it.
const (
	SessionCookieName         = "__Host-blankett_session"
	InsecureSessionCookieName = "blankett_session"
)

// sessionTokenBytes is the entropy of a session token.
const sessionTokenBytes = 32

// SessionCookie writes and reads the session cookie. The zero value is the production
// setting: __Host-blankett_session, HttpOnly, Secure, SameSite=Lax, Path=/.
//
// Local development over plain http cannot use Secure cookies (and so no __Host- name):
// set Insecure, which also switches the default name to blankett_session. Never set
// Insecure behind TLS.
type SessionCookie struct {
	// Name overrides the cookie name.
	Name string
	// Insecure drops the Secure attribute, for http://localhost only.
	Insecure bool
}

// CookieName returns the effective cookie name.
func (c SessionCookie) CookieName() string {
	switch {
	case c.Name != "":
		return c.Name
	case c.Insecure:
		return InsecureSessionCookieName
	}
	return SessionCookieName
}

// Validate rejects combinations browsers would silently drop.
func (c SessionCookie) Validate() error {
	if c.Insecure && strings.HasPrefix(c.CookieName(), "__Host-") {
		return fmt.Errorf("%w: a __Host- cookie must be Secure", ErrInvalidConfig)
	}
	if c.Insecure && strings.HasPrefix(c.CookieName(), "__Secure-") {
		return fmt.Errorf("%w: a __Secure- cookie must be Secure", ErrInvalidConfig)
	}
	return nil
}

// Set writes token as the session cookie. expires is the absolute expiry of the
// session; the cookie lives as long, the store enforces idle expiry.
func (c SessionCookie) Set(w http.ResponseWriter, token string, expires time.Time) {
	http.SetCookie(w, c.cookie(token, expires))
}

// Clear deletes the session cookie, e.g. on logout.
func (c SessionCookie) Clear(w http.ResponseWriter) {
	ck := c.cookie("", time.Unix(0, 0))
	ck.MaxAge = -1
	http.SetCookie(w, ck)
}

// Token reads the session token from r. It wraps ErrNoSession when the cookie is absent
// or cannot be a token we issued, so junk never reaches the store.
func (c SessionCookie) Token(r *http.Request) (string, error) {
	ck, err := r.Cookie(c.CookieName())
	if err != nil || !wellFormedToken(ck.Value) {
		return "", ErrNoSession
	}
	return ck.Value, nil
}

func (c SessionCookie) cookie(value string, expires time.Time) *http.Cookie {
	return &http.Cookie{
		Name:     c.CookieName(),
		Value:    value,
		Path:     "/",
		Expires:  expires.UTC(),
		HttpOnly: true,
		Secure:   !c.Insecure,
		SameSite: http.SameSiteLaxMode,
	}
}

// NewSessionToken returns a random 32-byte token (hex, 64 characters) for the cookie and
// its hash for the store. Only the hash may be stored or logged.
func NewSessionToken() (token, hash string, err error) {
	b := make([]byte, sessionTokenBytes)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("%w: random: %v", ErrInvalidConfig, err)
	}
	token = hex.EncodeToString(b)
	return token, HashToken(token), nil
}

// HashToken returns the hex SHA-256 of token, the form in which session stores keep it:
// a leaked session table then yields no usable cookie.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func wellFormedToken(s string) bool {
	if len(s) != 2*sessionTokenBytes {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}
