// SPDX-License-Identifier: MIT

package authn

import (
	"context"
	"fmt"
	"strings"
)

// VerifyAccessToken checks a token the provider issued to an end-user system
// (an ID-porten access token, which the system exchanges for a platform token):
// its signature by the provider's published keys, its issuer and its expiry. Any
// client's token is taken, as Altinn's exchange takes them; the person is its
// "pid", and scopes are its "scope" claim. The token itself is never put in an
// error.
func (rp *RP) VerifyAccessToken(ctx context.Context, raw string) (*Identity, []string, error) {
	t, err := rp.access.Verify(oidcContext(ctx, rp), raw)
	if err != nil {
		return nil, nil, idTokenError(err)
	}
	var c struct {
		PID      string `json:"pid"`
		ACR      string `json:"acr"`
		Scope    string `json:"scope"`
		ClientID string `json:"client_id"`
	}
	if err := t.Claims(&c); err != nil {
		return nil, nil, fmt.Errorf("%w: claims unreadable", ErrIDToken)
	}
	if t.Subject == "" || c.PID == "" {
		return nil, nil, fmt.Errorf("%w: sub and pid are required", ErrMissingClaim)
	}
	return &Identity{Subject: t.Subject, NationalID: c.PID, ACR: c.ACR, AuthLevel: AuthLevelFromACR(c.ACR),
		Expiry: t.Expiry, ClientID: c.ClientID}, strings.Fields(c.Scope), nil
}
