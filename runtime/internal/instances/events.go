// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"sync"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

// maxSubjects bounds the cache of parties' unchanging facts; it is emptied when
// full.
const maxSubjects = 10000

// subjects caches what never changes about a party: its type and its
// alternative subject ("/person/…", "/org/…", from its national identity or
// organisation number). Reading them once per instantiation and event would add
// a query to every process step.
type subjects struct {
	mu sync.Mutex
	m  map[int64]partyFacts
}

// partyFacts is what subjects keeps of one party.
type partyFacts struct {
	typ string // store.PartyPerson, store.PartyOrganisation …
	alt string
}

// get returns party id's facts, if cached.
func (c *subjects) get(id int64) (partyFacts, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.m[id]
	return f, ok
}

// put caches party p's facts and returns them.
func (c *subjects) put(p store.Party) partyFacts {
	f := partyFacts{typ: p.Type, alt: events.AlternativeSubject(deref(p.SSN), deref(p.OrgNumber))}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxSubjects {
		c.m = make(map[int64]partyFacts)
	}
	c.m[p.ID] = f
	return f
}

// party returns party id's facts, from the cache or the store.
func (s *Service) party(ctx context.Context, id int64) (partyFacts, error) {
	if f, ok := s.subjects.get(id); ok {
		return f, nil
	}
	p, err := s.st.GetParty(ctx, id)
	if err != nil {
		return partyFacts{}, err
	}
	return s.subjects.put(p), nil
}

// eventInstance names the instance org/app partyID/guid for events. The owner's
// alternative subject is read outside any transaction; when it cannot be read the
// events go without it rather than the change failing.
func (s *Service) eventInstance(ctx context.Context, org, app string, partyID int64, guid string) events.Instance {
	in := events.Instance{Org: org, App: app, PartyID: partyID, GUID: guid}
	if f, err := s.party(ctx, partyID); err == nil {
		in.AlternativeSubject = f.alt
	}
	return in
}

// publish records events of types about in inside tx, the change's transaction.
func (s *Service) publish(ctx context.Context, tx *store.Store, in events.Instance, at timeT, types ...string) error {
	_, err := s.events.PublishAll(ctx, tx, in, at, types...)
	return err
}

// published tells the delivery worker, after the commit, that there are events.
func (s *Service) published() {
	if s.onPublish != nil {
		s.onPublish()
	}
}

// stepEvent is the event type of the process taking step: moved to a task, or
// completed at an end event.
func stepEvent(step process.Step) string {
	if step.Ended() {
		return events.TypeProcessCompleted
	}
	return events.TypeMovedTo(step.To.ID)
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
