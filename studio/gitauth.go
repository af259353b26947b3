// SPDX-License-Identifier: MIT

package studio

import (
	"context"
	"errors"
	"fmt"

	"github.com/blankett/blankett/studio/internal/account"
	"github.com/blankett/blankett/studio/internal/gitserver"
)

// gitAuth adapts the account service to the git server's Authenticator, so git smart
// HTTP accepts the same passwords and personal API tokens as the studio API and asks
// the same team rights: read to clone and fetch, edit to push.
type gitAuth struct{ svc *account.Service }

var _ gitserver.Authenticator = gitAuth{}

// Authenticate implements gitserver.Authenticator.
func (g gitAuth) Authenticate(ctx context.Context, user, secret string) (gitserver.Principal, error) {
	p, err := g.svc.Authenticate(ctx, user, secret)
	if errors.Is(err, account.ErrBadCredentials) {
		return gitserver.Principal{}, fmt.Errorf("%w: %w", gitserver.ErrUnauthenticated, err)
	}
	if err != nil {
		return gitserver.Principal{}, err
	}
	return gitserver.Principal{Name: p.Username, Email: p.Email, Account: p}, nil
}

// Can implements gitserver.Authenticator.
func (g gitAuth) Can(ctx context.Context, p gitserver.Principal, org, app string, perm gitserver.Permission) bool {
	ap, ok := p.Account.(account.Principal)
	if !ok {
		return false
	}
	switch perm {
	case gitserver.PermRead:
		return g.svc.Can(ctx, ap, org, app, account.Read)
	case gitserver.PermEdit:
		return g.svc.Can(ctx, ap, org, app, account.Edit)
	}
	return false
}
