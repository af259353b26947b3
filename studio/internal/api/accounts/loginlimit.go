// SPDX-License-Identifier: MIT

package accounts

import (
	"sync"
	"time"
)

// CodeTooManyAttempts answers a login refused by the rate limit.
const CodeTooManyAttempts = "too_many_attempts"

// Limits of password login: failures counted in a sliding window, per user name
// and per client address. The address limit is higher because offices share one.
const (
	loginWindow       = 15 * time.Minute
	maxUserFailures   = 5
	maxClientFailures = 20
	// maxLimitKeys bounds each map: past it the key whose last failure is oldest
	// goes, so a flood of names costs memory only up to this.
	maxLimitKeys = 10000
)

// loginLimiter remembers recent failed logins in memory. It slows guessing on one
// studio process; it is not shared between processes.
type loginLimiter struct {
	mu      sync.Mutex
	now     func() time.Time
	users   failureLog
	clients failureLog
}

// failureLog holds, per key, the times of its latest failures, oldest first.
type failureLog struct {
	max     int // failures that close the window
	maxKeys int
	keys    map[string][]time.Time
}

func newLoginLimiter(now func() time.Time) *loginLimiter {
	if now == nil {
		now = time.Now
	}
	return &loginLimiter{now: now,
		users:   failureLog{max: maxUserFailures, maxKeys: maxLimitKeys, keys: map[string][]time.Time{}},
		clients: failureLog{max: maxClientFailures, maxKeys: maxLimitKeys, keys: map[string][]time.Time{}}}
}

// wait returns how long logins for user or from client stay refused; 0 when they
// are allowed.
func (l *loginLimiter) wait(user, client string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	return max(l.users.wait(user, now), l.clients.wait(client, now))
}

// failed records a failed login.
func (l *loginLimiter) failed(user, client string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.users.add(user, now)
	l.clients.add(client, now)
}

// succeeded forgets the user name's failures; the client's stay.
func (l *loginLimiter) succeeded(user string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.users.keys, user)
}

func (f *failureLog) wait(key string, now time.Time) time.Duration {
	ts := f.keys[key]
	if len(ts) < f.max {
		return 0
	}
	// The key has max failures: refused until the oldest leaves the window.
	return max(ts[0].Add(loginWindow).Sub(now), 0)
}

func (f *failureLog) add(key string, now time.Time) {
	if key == "" {
		return
	}
	ts, ok := f.keys[key]
	if !ok && len(f.keys) >= f.maxKeys {
		f.evict(now)
	}
	// Keep only failures inside the window, and only the latest max of them.
	cut := 0
	for cut < len(ts) && now.Sub(ts[cut]) >= loginWindow {
		cut++
	}
	ts = append(ts[cut:], now)
	if len(ts) > f.max {
		ts = ts[len(ts)-f.max:]
	}
	f.keys[key] = ts
}

// evict drops every key without a failure in the window, or, when all have one,
// the key whose last failure is oldest.
func (f *failureLog) evict(now time.Time) {
	oldest, at := "", now
	for k, ts := range f.keys {
		last := ts[len(ts)-1]
		if now.Sub(last) >= loginWindow {
			delete(f.keys, k)
			continue
		}
		if !last.After(at) {
			oldest, at = k, last
		}
	}
	if len(f.keys) >= f.maxKeys {
		delete(f.keys, oldest)
	}
}
