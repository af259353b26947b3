// SPDX-License-Identifier: MIT

package auth

import (
	"context"
	"sync"
	"time"

	"github.com/blankett/blankett/internal/authn"
)

// discoveryRetry bounds how often a failing discovery is retried, so a provider outage
// does not turn every login click into another slow request to it.
const discoveryRetry = 5 * time.Second

// lazyRP builds the relying party on first use. Discovery needs the provider to answer,
// and the dev IdP answers only once the listener is up, after Start.
type lazyRP struct {
	cfg     authn.Config
	mu      sync.Mutex
	rp      *authn.RP
	failed  time.Time
	lastErr error
}

func (l *lazyRP) get(ctx context.Context) (*authn.RP, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.rp != nil {
		return l.rp, nil
	}
	if l.lastErr != nil && time.Since(l.failed) < discoveryRetry {
		return nil, l.lastErr
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	rp, err := authn.NewRP(ctx, l.cfg)
	if err != nil {
		l.failed, l.lastErr = time.Now(), err
		return nil, err
	}
	l.rp, l.lastErr = rp, nil
	return rp, nil
}
