// SPDX-License-Identifier: MIT

package authn

import (
	"context"
	"sync"
	"time"
)

// lazyRetry bounds how often a failing discovery is retried, so a provider outage does
// not turn every login click into another slow request to it.
const lazyRetry = 5 * time.Second

// LazyRP builds a relying party at its first use. Discovery needs the provider to
// answer, and a provider on the same listener (the dev IdP) answers only once the
// server is up; a provider that is briefly down must not stop start-up either.
type LazyRP struct {
	cfg     Config
	mu      sync.Mutex
	rp      *RP
	failed  time.Time
	lastErr error
}

// NewLazyRP returns a LazyRP for cfg; nothing is contacted yet.
func NewLazyRP(cfg Config) *LazyRP { return &LazyRP{cfg: cfg} }

// Get returns the relying party, running discovery (bounded by 10 s) when it has not
// succeeded yet. After a failure it returns the same error for a few seconds.
func (l *LazyRP) Get(ctx context.Context) (*RP, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.rp != nil {
		return l.rp, nil
	}
	if l.lastErr != nil && time.Since(l.failed) < lazyRetry {
		return nil, l.lastErr
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	rp, err := NewRP(ctx, l.cfg)
	if err != nil {
		l.failed, l.lastErr = time.Now(), err
		return nil, err
	}
	l.rp, l.lastErr = rp, nil
	return rp, nil
}
