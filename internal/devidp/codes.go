// SPDX-License-Identifier: MIT

package devidp

import (
	"crypto/rand"
	"sync"
	"time"
)

// grant is what an authorization code stands for.
type grant struct {
	clientID, redirectURI string
	challenge, nonce      string
	scope, acr            string
	user                  User
	authTime, expires     time.Time
}

// codeStore keeps issued codes in memory. Codes are single-use: take removes the code
// whatever the outcome, so a failed or replayed exchange can never succeed later.
type codeStore struct {
	mu    sync.Mutex
	ttl   time.Duration
	max   int
	codes map[string]grant
}

func newCodeStore(ttl time.Duration, max int) *codeStore {
	return &codeStore{ttl: ttl, max: max, codes: map[string]grant{}}
}

func (s *codeStore) put(g grant, now time.Time) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.codes) >= s.max {
		for k, v := range s.codes {
			if !now.Before(v.expires) {
				delete(s.codes, k)
			}
		}
		if len(s.codes) >= s.max {
			return "", false
		}
	}
	code := rand.Text()
	g.expires = now.Add(s.ttl)
	s.codes[code] = g
	return code, true
}

func (s *codeStore) take(code string, now time.Time) (grant, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.codes[code]
	delete(s.codes, code)
	return g, ok && now.Before(g.expires)
}
