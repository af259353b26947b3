// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"sync"

	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

// maxParties bounds the cache of parties' unchanging facts; it is emptied when
// full.
const maxParties = 10000

// partyCache caches what never changes about a party: its type and its
// alternative subject ("/person/…", "/org/…", from its national identity or
// organisation number). Reading them once per instantiation and event would add
// a query to every process step.
type partyCache struct {
	mu sync.Mutex
	m  map[int64]partyFacts
}

// partyFacts is what partyCache keeps of one party.
type partyFacts struct {
	typ string // store.PartyPerson, store.PartyOrganisation …
	alt string
}

// get returns party id's facts, if cached.
func (c *partyCache) get(id int64) (partyFacts, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.m[id]
	return f, ok
}

// put caches party p's facts and returns them.
func (c *partyCache) put(p store.Party) partyFacts {
	f := partyFacts{typ: p.Type, alt: events.AlternativeSubject(deref(p.SSN), deref(p.OrgNumber))}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxParties {
		c.m = make(map[int64]partyFacts)
	}
	c.m[p.ID] = f
	return f
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
	return s.parties.put(p), nil
}
