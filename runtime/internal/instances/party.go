// SPDX-License-Identifier: MIT

package instances

import (
	"context"

	"github.com/blankett/blankett/runtime/internal/events"
)

// maxParties bounds the cache of parties' unchanging facts.
const maxParties = 10000

// partyFacts is what never changes about a party: its type and its
// alternative subject ("/person/…", "/org/…", from its national identity or
// organisation number). Reading them once per instantiation and event would
// add a query to every process step, so the service keeps them.
type partyFacts struct {
	typ string // store.PartyPerson, store.PartyOrganisation …
	alt string
}

// party returns party id's facts, from the cache or the store.
func (s *Service) party(ctx context.Context, id int64) (partyFacts, error) {
	if f, ok := s.parties.get(id); ok {
		return f, nil
	}
	p, err := s.st.GetParty(ctx, id)
	if err != nil {
		return partyFacts{}, err
	}
	f := partyFacts{typ: p.Type, alt: events.AlternativeSubject(deref(p.SSN), deref(p.OrgNumber))}
	s.parties.put(id, f)
	return f, nil
}
