// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"encoding/json"
	"time"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
)

// ProcessStart starts the process of an instance whose process has not started, at
// startEvent ("" for the first): it moves to the first task, writes the blobs of the
// task's auto-created form data, then the rows and the process events in one
// transaction. Instantiation already starts the process, so on an instance made by
// this runtime it is ErrConflict, as Altinn's "Process is already started. Use
// next." The caller has been authorised for instantiate.
func (s *Service) ProcessStart(ctx context.Context, c authz.Caller, snap *Snapshot, startEvent string) (*Snapshot, error) {
	rel, inst := snap.Release, snap.Instance
	if inst.Process != nil && inst.Process.Started != nil {
		return nil, fail(ErrConflict, CodeProcessStarted, "the process is already started; use process/next")
	}
	if rel.Process == nil || rel.Process.Start() == nil {
		return nil, fail(ErrConflict, CodeNoProcess, "app %s has no process to start", rel.ID)
	}
	start := rel.Process.Start()
	if startEvent != "" {
		if start = rel.Process.Element(startEvent); start == nil || start.Kind != process.KindStartEvent {
			return nil, fail(ErrConflict, CodeStartEventUnknown, "no start event %q in the process", startEvent)
		}
	}
	step, err := rel.Process.Next(start.ID, "", s.gatewayEval(rel, snap, nil))
	if err != nil {
		return nil, fail(ErrConflict, CodeProcessNotStarted, "the process could not start: %v", err)
	}
	now, who := s.clock(), by(c)
	inst.Process = &ProcessState{Started: &now, StartEvent: start.ID}
	moveTo(inst.Process, step, now)
	startInfo := *inst.Process
	startInfo.CurrentTask = nil
	ref := Ref{Org: rel.Org, App: rel.Name, PartyID: snap.row.PartyID, GUID: snap.row.GUID}
	els, err := s.autoCreate(ctx, rel, ref, step.To, who, now)
	if err != nil {
		s.dropBlobs(els)
		return nil, err
	}
	if step.Ended() {
		snap.row.CurrentTask = ""
	} else {
		snap.row.CurrentTask = step.To.ID
	}
	evIn := s.eventInstance(ctx, rel.Org, rel.Name, snap.row.PartyID, snap.row.GUID)
	err = s.st.Tx(ctx, func(tx *store.Store) error {
		if err := saveDoc(ctx, tx, snap, who, now); err != nil {
			return err
		}
		for i := range els {
			els[i].InstanceID = snap.row.ID
			if _, err := tx.CreateDataElement(ctx, els[i]); err != nil {
				return err
			}
		}
		user := platformUser(c)
		audit := []store.InstanceEvent{auditEvent(snap.row, EventProcessStartEvent, now, user, &startInfo),
			auditEvent(snap.row, EventProcessStartTask, now, user, inst.Process)}
		return s.publish(ctx, tx, evIn, now, audit, stepEvent(step))
	})
	if err != nil {
		s.dropBlobs(els)
		return nil, err
	}
	s.published()
	return s.Get(ctx, ref)
}

// ProcessHistoryItem is one entry of GET process/history (Altinn's spelling of
// "occured" kept).
type ProcessHistoryItem struct {
	EventType   string     `json:"eventType"`
	ElementID   string     `json:"elementId"`
	Occured     time.Time  `json:"occured"`
	Started     *time.Time `json:"started,omitempty"`
	Ended       *time.Time `json:"ended,omitempty"`
	PerformedBy string     `json:"performedBy"`
}

// ProcessHistory is the body of GET process/history.
type ProcessHistory struct {
	ProcessHistory []ProcessHistoryItem `json:"processHistory"`
}

// History derives the process history from the instance's process events, in the
// order they were written (one step writes several with one timestamp), as Altinn
// Storage does.
func (s *Service) History(ctx context.Context, snap *Snapshot) (*ProcessHistory, error) {
	evs, err := s.st.ListEvents(ctx, snap.row.GUID, store.EventFilter{Types: []string{EventProcessStartEvent,
		EventProcessStartTask, EventProcessEndTask, EventProcessAbandon, EventProcessEndEvent}})
	if err != nil {
		return nil, err
	}
	out := &ProcessHistory{ProcessHistory: make([]ProcessHistoryItem, 0, len(evs))}
	for _, e := range evs {
		var p ProcessState
		var u PlatformUser
		_ = json.Unmarshal([]byte(e.ProcessInfo), &p)
		_ = json.Unmarshal([]byte(e.User), &u)
		it := ProcessHistoryItem{EventType: e.EventType, Occured: e.Created, PerformedBy: performedBy(u)}
		switch e.EventType {
		case EventProcessStartEvent:
			it.ElementID, it.Started = p.StartEvent, p.Started
		case EventProcessEndEvent:
			it.ElementID, it.Ended = p.EndEvent, p.Ended
		default:
			if p.CurrentTask != nil {
				it.ElementID = p.CurrentTask.ElementID
				if e.EventType == EventProcessStartTask {
					it.Started = p.CurrentTask.Started
				} else {
					it.Ended = p.CurrentTask.Ended
				}
			}
		}
		out.ProcessHistory = append(out.ProcessHistory, it)
	}
	return out, nil
}

func performedBy(u PlatformUser) string {
	switch {
	case u.UserID != 0:
		return itoa(u.UserID)
	case u.OrgID != "":
		return u.OrgID
	}
	return u.EndUserSystemID
}
