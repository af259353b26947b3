// SPDX-License-Identifier: MIT

package authz

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Defaults for NewCachedRoles. Altinn's own authorisation caches role lookups
// too; 30 s bounds how long a revoked role keeps working in this process.
const (
	DefaultRoleTTL     = 30 * time.Second
	DefaultRoleEntries = 10_000
)

// CachedRoles is a Roles that remembers each (user, party) answer of another
// Roles for a short time. Every request is authorised, and without it each one
// pays a database round trip for roles that almost never change. Errors are not
// remembered. An answer can be up to the TTL stale after any role change. The
// only grants this process makes are the dev seed's at login (web/auth), which
// repeat the grants of the user's earlier logins; only a seed changed between
// runs makes them new, and the TTL bounds that too.
type CachedRoles struct {
	next Roles
	ttl  time.Duration
	max  int
	now  func() time.Time

	mu sync.Mutex
	m  map[roleKey]roleEntry
}

type roleKey struct{ user, party int64 }

type roleEntry struct {
	roles   []string
	expires time.Time
}

var _ Roles = (*CachedRoles)(nil)

// NewCachedRoles caches next's answers for ttl, at most maxEntries of them; a
// ttl or maxEntries of zero or less takes the default.
func NewCachedRoles(next Roles, ttl time.Duration, maxEntries int) *CachedRoles {
	if ttl <= 0 {
		ttl = DefaultRoleTTL
	}
	if maxEntries <= 0 {
		maxEntries = DefaultRoleEntries
	}
	return &CachedRoles{next: next, ttl: ttl, max: maxEntries, now: time.Now, m: map[roleKey]roleEntry{}}
}

// Roles implements Roles. The slice returned is the caller's own.
func (c *CachedRoles) Roles(ctx context.Context, userID, partyID int64) ([]string, error) {
	k := roleKey{userID, partyID}
	now := c.now()
	c.mu.Lock()
	e, ok := c.m[k]
	c.mu.Unlock()
	if ok && now.Before(e.expires) {
		return slices.Clone(e.roles), nil
	}
	roles, err := c.next.Roles(ctx, userID, partyID)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, present := c.m[k]; !present && len(c.m) >= c.max {
		c.evict(now)
	}
	c.m[k] = roleEntry{roles: slices.Clone(roles), expires: now.Add(c.ttl)}
	return roles, nil
}

// evict makes room for one entry: expired entries go first, then arbitrary
// ones (map order) until the cache is under its bound. Called with mu held.
func (c *CachedRoles) evict(now time.Time) {
	for k, e := range c.m {
		if !now.Before(e.expires) {
			delete(c.m, k)
		}
	}
	for k := range c.m {
		if len(c.m) < c.max {
			break
		}
		delete(c.m, k)
	}
}

// len is the number of remembered answers, expired ones included (for tests).
func (c *CachedRoles) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
