// SPDX-License-Identifier: MIT

package instances

import (
	"context"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

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

// publish records the change's audit events and events of types about in inside
// tx, the change's transaction.
func (s *Service) publish(ctx context.Context, tx *store.Store, in events.Instance, at timeT, audit []store.InstanceEvent, types ...string) error {
	_, err := s.events.PublishAll(ctx, tx, in, at, audit, types...)
	return err
}

// publishIn adds to w what publish writes.
func (s *Service) publishIn(w *store.Writes, in events.Instance, at timeT, audit []store.InstanceEvent, types ...string) error {
	ev, _, err := s.events.Write(in, at, audit, types...)
	if err == nil {
		w.WriteEvents(ev)
	}
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
