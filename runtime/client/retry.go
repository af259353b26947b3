// SPDX-License-Identifier: MIT

package client

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// retryPolicy retries idempotent calls on 429, 5xx and network errors.
type retryPolicy struct {
	retries int
	base    time.Duration
}

var defaultRetry = retryPolicy{retries: 4, base: 250 * time.Millisecond}

// retryAfter is an error carrying the server's Retry-After delay.
type retryAfter struct {
	err   error
	delay time.Duration
}

func (r *retryAfter) Error() string { return r.err.Error() }
func (r *retryAfter) Unwrap() error { return r.err }

// do runs call until it succeeds, fails permanently, or the retries are used up.
func (p retryPolicy) do(ctx context.Context, call func() error) error {
	for attempt := 0; ; attempt++ {
		err := call()
		if err == nil || attempt >= p.retries || !retryable(ctx, err) {
			var ra *retryAfter
			if errors.As(err, &ra) {
				return ra.err
			}
			return err
		}
		delay := p.backoff(attempt)
		var ra *retryAfter
		if errors.As(err, &ra) && ra.delay > delay {
			delay = min(ra.delay, 30*time.Second)
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return errors.Join(err, ctx.Err())
		case <-t.C:
		}
	}
}

// backoff is base·2^attempt with ±25 % jitter, capped at 30·base.
func (p retryPolicy) backoff(attempt int) time.Duration {
	d := p.base << min(attempt, 5)
	if d <= 0 {
		return 0
	}
	return d - d/4 + rand.N(d/2+1)
}

// retryable reports whether err is worth another attempt: a temporary API
// error or a network failure, but not a cancelled context or a client-side fault.
func retryable(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.Temporary()
	}
	return !errors.Is(err, ErrConfig) && !errors.Is(err, ErrProtocol) && !errors.Is(err, ErrNoCredentials) &&
		!errors.Is(err, ErrHashMismatch) && !errors.Is(err, ErrNotResumable) && !errors.Is(err, ErrToken) &&
		!errors.Is(err, errWrite)
}

// withRetryAfter attaches the Retry-After delay of res (seconds form) to err.
func withRetryAfter(res *http.Response, err error) error {
	s := res.Header.Get("Retry-After")
	if s == "" {
		return err
	}
	if n, perr := strconv.Atoi(s); perr == nil && n >= 0 {
		return &retryAfter{err: err, delay: time.Duration(n) * time.Second}
	}
	return err
}

// errWrite marks a failure of the caller's writer, which no retry fixes.
var errWrite = errors.New("client: write failed")
