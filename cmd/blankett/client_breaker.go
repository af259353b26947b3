// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"sync"
	"syscall"
	"time"
)

// errUnreachable is the cause a run stopped with when the runtime did not answer.
var errUnreachable = errors.New("the runtime cannot be reached")

// breaker stops a download run once the runtime cannot be reached at all,
// rather than letting every other file and confirmation in hand wait through
// its own retries and fail on its own. A call that found nothing listening
// trips it only when a probe of the runtime's address, a moment later, still
// finds nothing: a runtime restarting under a rolling deploy does not stop a
// long run.
type breaker struct {
	addr   string        // host:port the probe dials; "" trusts the call
	pauses time.Duration // between the probe's three dials

	stop      context.CancelCauseFunc
	mu        sync.Mutex
	unreached error // the failure that tripped it
	cut       int   // calls the stop broke off or that failed after it
}

// newBreaker probes the runtime at rawURL.
func newBreaker(rawURL string) *breaker {
	b := &breaker{pauses: 500 * time.Millisecond}
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		port := u.Port()
		if port == "" {
			port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
		}
		b.addr = net.JoinHostPort(u.Hostname(), port)
	}
	return b
}

// start derives the run's context, which tripping cancels.
func (b *breaker) start(ctx context.Context) (context.Context, func()) {
	ctx, b.stop = context.WithCancelCause(ctx)
	return ctx, func() { b.stop(nil) }
}

// stopped reports whether the breaker has tripped.
func (b *breaker) stopped() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.unreached != nil
}

// absorb reports whether err is the breaker's to count rather than a failure
// to list: a call that found the runtime gone (tripping the breaker when the
// probe agrees), or one the stop broke off or that failed after it.
func (b *breaker) absorb(what string, err error) bool {
	if b.stop == nil {
		return false
	}
	if b.stopped() {
		if errors.Is(err, context.Canceled) || errors.Is(err, errUnreachable) || unreachable(err) {
			b.mu.Lock()
			b.cut++
			b.mu.Unlock()
			return true
		}
		return false
	}
	if !unreachable(err) || !b.down() {
		return false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.unreached == nil {
		b.unreached = fmt.Errorf("%s: %w", what, err)
		b.stop(errUnreachable)
	} else {
		b.cut++
	}
	return true
}

// down dials the runtime's address three times, pauses apart, and reports
// whether every dial found it unreachable.
func (b *breaker) down() bool {
	if b.addr == "" {
		return true
	}
	for i := range 3 {
		if i > 0 {
			time.Sleep(b.pauses)
		}
		c, err := net.DialTimeout("tcp", b.addr, 2*time.Second)
		if err == nil {
			c.Close()
			return false
		}
		if !unreachable(err) {
			return false
		}
	}
	return true
}

// report prints why the run stopped, if it did, and reports whether it did.
func (b *breaker) report(w io.Writer) bool {
	if !b.stopped() {
		return false
	}
	fmt.Fprintf(w, "stopped: %v\n  %v\n  %d downloads and confirmations broken off; what is not on disk or not confirmed is fetched by the next run\n",
		errUnreachable, b.unreached, b.cut)
	return true
}

// unreachable reports whether err means the runtime could not be reached at
// all: a connection refused, no route to its host or network, a dial that
// timed out, or a name that does not resolve. Local failures to open a
// socket (too many open files) are not: the runtime may be fine.
func unreachable(err error) bool {
	var dns *net.DNSError
	var op *net.OpError
	switch {
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return true
	case errors.As(err, &dns):
		return true
	case errors.As(err, &op) && op.Op == "dial" && op.Timeout():
		return true
	}
	return false
}
