// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"errors"
	"strconv"

	"github.com/blankett/blankett/runtime/internal/store"
)

// ResolveOwner finds the party an instance owner names: partyId first, then
// personNumber, then organisationNumber, as Altinn's instantiation looks the party
// up. No identifier is ErrInvalid; an unknown person or organisation ErrNotFound.
func (s *Service) ResolveOwner(ctx context.Context, o InstanceOwner) (int64, error) {
	switch {
	case o.PartyID != "":
		id, err := strconv.ParseInt(o.PartyID, 10, 64)
		if err != nil || id <= 0 {
			return 0, fail(ErrInvalid, CodePartyNotFound, "instanceOwner.partyId %q is not a party id", o.PartyID)
		}
		return id, nil
	case o.PersonNumber != "":
		p, err := s.st.PartyBySSN(ctx, o.PersonNumber)
		return partyID(p, err, "person")
	case o.OrganisationNumber != "":
		p, err := s.st.PartyByOrgNumber(ctx, o.OrganisationNumber)
		return partyID(p, err, "organisation")
	}
	return 0, fail(ErrInvalid, CodePartyNotFound, "name the instance owner by partyId, personNumber or organisationNumber")
}

func partyID(p store.Party, err error, kind string) (int64, error) {
	if errors.Is(err, store.ErrNotFound) {
		return 0, fail(ErrNotFound, CodePartyNotFound, "no %s with that number is registered", kind)
	}
	return p.ID, err
}
