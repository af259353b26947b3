// SPDX-License-Identifier: MIT

package httpx

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Listener is a server with the address it should listen on and a name for the logs.
type Listener struct {
	Name    string
	Addr    string
	Handler http.Handler
}

// Servers are bound listeners ready to serve. Binding happens before serving, so a port
// in use is reported at once and the caller knows the real addresses (for ":0").
type Servers struct {
	log       *slog.Logger
	listeners []net.Listener
	servers   []*http.Server
	names     []string
}

// Listen binds every listener.
func Listen(log *slog.Logger, ls ...Listener) (*Servers, error) {
	s := &Servers{log: log}
	for _, l := range ls {
		ln, err := net.Listen("tcp", l.Addr)
		if err != nil {
			s.closeListeners()
			return nil, fmt.Errorf("httpx: %s listener: %w", l.Name, err)
		}
		s.listeners = append(s.listeners, ln)
		s.names = append(s.names, l.Name)
		s.servers = append(s.servers, &http.Server{
			Handler:           l.Handler,
			ReadHeaderTimeout: 10 * time.Second,
			IdleTimeout:       120 * time.Second,
			MaxHeaderBytes:    64 << 10,
			ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		})
	}
	return s, nil
}

// Addr returns the bound address of the named listener, or "".
func (s *Servers) Addr(name string) string {
	for i, n := range s.names {
		if n == name {
			return s.listeners[i].Addr().String()
		}
	}
	return ""
}

// Serve serves until ctx is cancelled, then stops accepting connections and waits up to
// timeout for in-flight requests to finish. It returns the first serving error, if any.
func (s *Servers) Serve(ctx context.Context, timeout time.Duration) error {
	errc := make(chan error, len(s.servers))
	for i, srv := range s.servers {
		go func() {
			s.log.Info("listening", "listener", s.names[i], "addr", s.listeners[i].Addr().String())
			if err := srv.Serve(s.listeners[i]); err != nil && !errors.Is(err, http.ErrServerClosed) {
				errc <- fmt.Errorf("httpx: %s: %w", s.names[i], err)
			}
		}()
	}
	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-errc:
	}
	s.log.Info("shutting down", "timeout", timeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for _, srv := range s.servers {
		if err := srv.Shutdown(sctx); err != nil {
			serveErr = errors.Join(serveErr, fmt.Errorf("httpx: shutdown: %w", err))
		}
	}
	return serveErr
}

func (s *Servers) closeListeners() {
	for _, ln := range s.listeners {
		_ = ln.Close()
	}
}
