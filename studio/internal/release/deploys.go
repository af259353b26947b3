// SPDX-License-Identifier: MIT

package release

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blankett/blankett/studio/internal/deploy"
)

// Deploy uploads the release version of org/app to the environment env and
// records the attempt. A runtime refusal or outage is recorded as failed and
// returned wrapping ErrRuntime (or ErrNotConfigured); the row is returned
// either way once one was written.
func (s *Service) Deploy(ctx context.Context, org, app, env, version, by string) (Deploy, error) {
	e, err := s.env(env)
	if err != nil {
		return Deploy{}, err
	}
	rel, err := s.store.Get(ctx, org, app, version)
	if err != nil {
		return Deploy{}, err
	}
	data, err := s.store.Bundle(ctx, rel.ID)
	if err != nil {
		return Deploy{}, err
	}
	return s.record(ctx, Deploy{Org: org, App: app, Env: env, Version: version, Action: ActionDeploy, DeployedBy: by},
		e.Runtime.Deploy(ctx, org, app, version, data))
}

// Undeploy takes version out of service in env and records the attempt.
func (s *Service) Undeploy(ctx context.Context, org, app, env, version, by string) (Deploy, error) {
	e, err := s.env(env)
	if err != nil {
		return Deploy{}, err
	}
	if _, err := s.store.Get(ctx, org, app, version); err != nil {
		return Deploy{}, err
	}
	return s.record(ctx, Deploy{Org: org, App: app, Env: env, Version: version, Action: ActionUndeploy, DeployedBy: by},
		e.Runtime.Undeploy(ctx, org, app, version))
}

// record writes d with the outcome of the runtime call.
func (s *Service) record(ctx context.Context, d Deploy, callErr error) (Deploy, error) {
	d.Status, d.DeployedAt = StatusSucceeded, s.now().UTC().Truncate(time.Microsecond)
	if callErr != nil {
		d.Status, d.Error = StatusFailed, callErr.Error()
	}
	// The runtime call is done whatever the request's fate; record it even if
	// the caller has gone.
	if err := s.store.AddDeploy(context.WithoutCancel(ctx), &d); err != nil {
		return d, err
	}
	switch {
	case callErr == nil:
		return d, nil
	case errors.Is(callErr, deploy.ErrNotConfigured):
		return d, fmt.Errorf("%w: %w", ErrNotConfigured, callErr)
	}
	return d, fmt.Errorf("%w: %w", ErrRuntime, callErr)
}

// EnvStatus is what one environment runs of an app: the last deploy studio
// recorded there and what the runtime itself reports as current.
type EnvStatus struct {
	Environment string `json:"environment"`
	// Last is the last successful deploy or undeploy studio made, if any.
	Last *Deploy `json:"last,omitempty"`
	// RuntimeVersion is the version new instances get at the runtime now ("" for
	// none); RuntimeError says why the runtime could not be asked.
	RuntimeVersion string   `json:"runtimeVersion"`
	RuntimeActive  []string `json:"runtimeActive"`
	RuntimeError   string   `json:"runtimeError,omitempty"`
}

// Status reports every environment's state for org/app, asking each runtime.
func (s *Service) Status(ctx context.Context, org, app string) ([]EnvStatus, error) {
	deps, err := s.store.Deploys(ctx, org, app, 500)
	if err != nil {
		return nil, err
	}
	out := make([]EnvStatus, 0, len(s.envs))
	for _, e := range s.envs {
		st := EnvStatus{Environment: e.Name, RuntimeActive: []string{}}
		for i := range deps {
			if deps[i].Env == e.Name && deps[i].Status == StatusSucceeded {
				st.Last = &deps[i]
				break
			}
		}
		rels, err := e.Runtime.Releases(ctx, org, app)
		if err != nil {
			st.RuntimeError = err.Error()
		}
		for _, r := range rels {
			if r.Active && !r.Local {
				st.RuntimeActive = append(st.RuntimeActive, r.Version)
			}
			if r.Current {
				st.RuntimeVersion = r.Version
			}
		}
		out = append(out, st)
	}
	return out, nil
}
