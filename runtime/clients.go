// SPDX-License-Identifier: MIT

package runtime

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/runtime/internal/store"
)

// Errors of the machine-client registry, for `blankett clients`.
var (
	// ErrClientExists means the client id is taken.
	ErrClientExists = errors.New("runtime: client id already registered")
	// ErrClientNotFound means no client has the id.
	ErrClientNotFound = errors.New("runtime: no such client")
	// ErrClientInvalid means the registration cannot be used (no id, bad keys).
	ErrClientInvalid = errors.New("runtime: invalid client")
)

// MachineClient is a registered machine client: a system that gets platform
// tokens by a JWT grant signed with the private half of one of its keys.
type MachineClient struct {
	ID string
	// Org is the service-owner code the token carries as urn:altinn:org; "" for
	// an organisation that owns no apps.
	Org       string
	OrgNumber string
	Name      string
	Scopes    []string
	// JWKS is the client's public keys as a JWK Set.
	JWKS     []byte
	Disabled bool
	Created  time.Time
}

// KeyIDs returns the kids of c's keys, "" for an unreadable key set.
func (c MachineClient) KeyIDs() []string {
	ks, err := authn.ParseJWKS(c.JWKS)
	if err != nil {
		return nil
	}
	var out []string
	for _, k := range ks.Keys() {
		out = append(out, k.ID)
	}
	return out
}

// AddClient registers c in the runtime database db, whose schema must be
// migrated. The key set is checked the way the token endpoint reads it, so a
// client that registers can also authenticate.
func AddClient(ctx context.Context, db *dbx.DB, c MachineClient) (MachineClient, error) {
	if c.ID == "" || strings.ContainsAny(c.ID, " \t\r\n") || len(c.ID) > 100 {
		return c, fmt.Errorf("%w: the client id must be 1–100 characters without spaces", ErrClientInvalid)
	}
	ks, err := authn.ParseJWKS(c.JWKS)
	if err != nil {
		return c, fmt.Errorf("%w: %v", ErrClientInvalid, err)
	}
	if len(ks.Keys()) == 0 {
		return c, fmt.Errorf("%w: the key set holds no key", ErrClientInvalid)
	}
	row, err := store.New(db).CreateClient(ctx, store.MachineClient{ClientID: c.ID, Org: c.Org, OrgNumber: c.OrgNumber,
		Name: c.Name, JWKS: string(c.JWKS), Scopes: strings.Join(c.Scopes, " "), Disabled: c.Disabled})
	if errors.Is(err, store.ErrDuplicate) {
		return c, fmt.Errorf("%w: %s", ErrClientExists, c.ID)
	}
	if err != nil {
		return c, err
	}
	return fromRow(row), nil
}

// ListClients returns the clients of org, or all of them when org is "".
func ListClients(ctx context.Context, db *dbx.DB, org string) ([]MachineClient, error) {
	rows, err := store.New(db).ListClients(ctx, org)
	if err != nil {
		return nil, err
	}
	out := make([]MachineClient, len(rows))
	for i, r := range rows {
		out[i] = fromRow(r)
	}
	return out, nil
}

// RemoveClient deletes client id: it gets no new tokens, and tokens it already
// holds expire on their own.
func RemoveClient(ctx context.Context, db *dbx.DB, id string) error {
	err := store.New(db).DeleteClient(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%w: %s", ErrClientNotFound, id)
	}
	return err
}

func fromRow(r store.MachineClient) MachineClient {
	return MachineClient{ID: r.ClientID, Org: r.Org, OrgNumber: r.OrgNumber, Name: r.Name, Scopes: strings.Fields(r.Scopes),
		JWKS: []byte(r.JWKS), Disabled: r.Disabled, Created: r.Created}
}
