// SPDX-License-Identifier: MIT

package accounts

import (
	"fmt"
	"testing"
	"time"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time      { return c.t }
func (c *fakeClock) add(d time.Duration) { c.t = c.t.Add(d) }
func newFakeClock() *fakeClock           { return &fakeClock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)} }
func failN(l *loginLimiter, n int, user, ip string) {
	for range n {
		l.failed(user, ip)
	}
}

// TestLoginLimiter walks the limiter through its rules on a fake clock.
func TestLoginLimiter(t *testing.T) {
	tests := []struct {
		name string
		run  func(l *loginLimiter, c *fakeClock) time.Duration // the wait it ends with
		want time.Duration
	}{
		{"4 user failures pass", func(l *loginLimiter, c *fakeClock) time.Duration {
			failN(l, 4, "kari", "10.0.0.1")
			return l.wait("kari", "10.0.0.2")
		}, 0},
		{"5 user failures refuse from any address", func(l *loginLimiter, c *fakeClock) time.Duration {
			failN(l, 5, "kari", "10.0.0.1")
			c.add(time.Minute)
			return l.wait("kari", "10.0.0.2")
		}, 14 * time.Minute},
		{"other users are not refused", func(l *loginLimiter, c *fakeClock) time.Duration {
			failN(l, 5, "kari", "10.0.0.1")
			return l.wait("ola", "10.0.0.2")
		}, 0},
		{"the window passes", func(l *loginLimiter, c *fakeClock) time.Duration {
			failN(l, 5, "kari", "10.0.0.1")
			c.add(15 * time.Minute)
			return l.wait("kari", "10.0.0.1")
		}, 0},
		{"the window slides from the oldest failure", func(l *loginLimiter, c *fakeClock) time.Duration {
			l.failed("kari", "a")
			c.add(10 * time.Minute)
			failN(l, 4, "kari", "a")
			c.add(5 * time.Minute) // the first failure leaves the window
			if w := l.wait("kari", "a"); w != 0 {
				return w
			}
			l.failed("kari", "a") // five in the window again, the oldest 5 minutes old
			return l.wait("kari", "a")
		}, 10 * time.Minute},
		{"success resets the user", func(l *loginLimiter, c *fakeClock) time.Duration {
			failN(l, 4, "kari", "a")
			l.succeeded("kari")
			failN(l, 4, "kari", "b")
			return l.wait("kari", "c")
		}, 0},
		{"20 address failures refuse every user", func(l *loginLimiter, c *fakeClock) time.Duration {
			for i := range 20 {
				l.failed(fmt.Sprint("user", i), "10.0.0.9")
			}
			c.add(3 * time.Minute)
			return l.wait("someone-else", "10.0.0.9")
		}, 12 * time.Minute},
		{"success does not reset the address", func(l *loginLimiter, c *fakeClock) time.Duration {
			for i := range 20 {
				l.failed(fmt.Sprint("user", i), "10.0.0.9")
			}
			l.succeeded("user1")
			return l.wait("user1", "10.0.0.9")
		}, 15 * time.Minute},
		{"19 address failures pass", func(l *loginLimiter, c *fakeClock) time.Duration {
			for i := range 19 {
				l.failed(fmt.Sprint("user", i), "10.0.0.9")
			}
			return l.wait("x", "10.0.0.9")
		}, 0},
	}
	for _, tt := range tests {
		c := newFakeClock()
		l := newLoginLimiter(c.now)
		if got := tt.run(l, c); got != tt.want {
			t.Errorf("%s: wait %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestLoginLimiterBounded fills a map past its cap: it never grows past it, the key
// with the oldest failure goes first, and a key still failing stays.
func TestLoginLimiterBounded(t *testing.T) {
	c := newFakeClock()
	l := newLoginLimiter(c.now)
	l.users.maxKeys = 3
	failN(l, 5, "target", "")
	for i := range 10 {
		c.add(time.Second)
		l.failed(fmt.Sprint("flood", i), "")
		if n := len(l.users.keys); n > 3 {
			t.Fatalf("%d keys after %d floods", n, i+1)
		}
	}
	if _, ok := l.users.keys["target"]; ok {
		t.Error("the oldest key was not evicted")
	}
	if _, ok := l.users.keys["flood9"]; !ok {
		t.Error("the newest key was evicted")
	}
	// Keys whose failures all left the window go before any live one.
	c.add(15 * time.Minute)
	l.failed("late", "")
	if n := len(l.users.keys); n != 1 {
		t.Errorf("%d keys after the window passed, want 1", n)
	}
	// The per-key list stays bounded too.
	failN(l, 100, "late", "")
	if n := len(l.users.keys["late"]); n != maxUserFailures {
		t.Errorf("%d failures kept, want %d", n, maxUserFailures)
	}
}
