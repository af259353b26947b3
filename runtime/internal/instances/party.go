// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"errors"

	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

// maxParties bounds the cache of parties' unchanging facts.
const maxParties = 10000

// partyFacts is what never changes about a party: its type, its national
// identity or organisation number, and the alternative subject made of them
// ("/person/…", "/org/…"). Reading them once per instantiation and event would
// add a query to every process step, so the service keeps them.
type partyFacts struct {
	typ        string // store.PartyPerson, store.PartyOrganisation …
	ssn, orgNo string
	alt        string
}

// owner is the instanceOwner of a new instance of party id, with the party's
// national identity or organisation number as Altinn fills them in, so that a
// service owner can tell who submitted. An unknown party is left to the checks
// that refuse it.
func (s *Service) owner(ctx context.Context, id int64) (InstanceOwner, error) {
	o := InstanceOwner{PartyID: itoa(id)}
	f, err := s.party(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return o, nil
	}
	o.PersonNumber, o.OrganisationNumber = f.ssn, f.orgNo
	return o, err
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
	f := partyFacts{typ: p.Type, ssn: deref(p.SSN), orgNo: deref(p.OrgNumber), alt: events.AlternativeSubject(deref(p.SSN), deref(p.OrgNumber))}
	s.parties.put(id, f)
	return f, nil
}
