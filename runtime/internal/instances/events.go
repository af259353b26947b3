// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"sync"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

// maxSubjects bounds the cache of alternative subjects; it is emptied when full.
const maxSubjects = 10000

// subjects caches each party's alternativesubject ("/person/…", "/org/…"): a
// party's national identity or organisation number never changes, and looking it
// up once per event would add a query to every process step.
type subjects struct {
	mu sync.Mutex
	m  map[int64]string
}

// get returns party id's alternative subject, if cached.
func (c *subjects) get(id int64) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	alt, ok := c.m[id]
	return alt, ok
}

// put caches alt as party id's alternative subject.
func (c *subjects) put(id int64, alt string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxSubjects {
		c.m = make(map[int64]string)
	}
	c.m[id] = alt
}

// partySubject is the alternative subject of party p.
func partySubject(p store.Party) string {
	return events.AlternativeSubject(deref(p.SSN), deref(p.OrgNumber))
}

// eventInstance names the instance org/app partyID/guid for events. The owner's
// alternative subject is read outside any transaction; when it cannot be read the
// events go without it rather than the change failing.
func (s *Service) eventInstance(ctx context.Context, org, app string, partyID int64, guid string) events.Instance {
	in := events.Instance{Org: org, App: app, PartyID: partyID, GUID: guid}
	alt, ok := s.subjects.get(partyID)
	if !ok {
		p, err := s.st.GetParty(ctx, partyID)
		if err != nil {
			return in
		}
		alt = partySubject(p)
		s.subjects.put(partyID, alt)
	}
	in.AlternativeSubject = alt
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
