// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/blankett/blankett/appframework/process"
	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// InstantiateRequest asks for a new instance of Org/App owned by PartyID.
type InstantiateRequest struct {
	Org, App string
	PartyID  int64
	// IdempotencyKey makes a retry return the instance the first request made.
	IdempotencyKey string
	// Parts are the data parts of a multipart instantiation, nil for none; they
	// replace the form data the first task would auto-create for their types.
	Parts Parts
	// Prefill maps model binding paths to values written into the first task's
	// auto-created form data (Altinn's /instances/create).
	Prefill map[string]string
	// DueBefore and VisibleAfter are copied to the instance.
	DueBefore, VisibleAfter *timeT
}

// Instantiate creates an instance pinned to the app's current release, starts its
// process (start event → first task), creates the form data elements the first task
// auto-creates and records the Created and process events, all in one change
// (store.Writes: one round trip on PostgreSQL).
// The caller has been authorised for instantiate.
func (s *Service) Instantiate(ctx context.Context, c authz.Caller, req InstantiateRequest) (*Snapshot, error) {
	rel, err := s.Release(req.Org, req.App)
	if err != nil {
		return nil, err
	}
	if rel.Process == nil || rel.Process.Start() == nil {
		return nil, fail(ErrConflict, CodeNoProcess, "app %s has no process to start", rel.ID)
	}
	if err := s.checkPartyType(ctx, rel, req.PartyID); err != nil {
		return nil, err
	}
	owner, err := s.owner(ctx, req.PartyID)
	if err != nil {
		return nil, err
	}
	now, who, guid := s.clock(), by(c), uuid.NewString()
	ref := Ref{Org: rel.Org, App: rel.Name, PartyID: req.PartyID, GUID: guid}
	start := rel.Process.Start()
	step, err := rel.Process.Next(start.ID, "", s.gatewayEval(rel, nil, nil))
	if err != nil {
		return nil, fail(ErrConflict, CodeProcessNotStarted, "the process could not start: %v", err)
	}
	doc := &Instance{ID: ref.ID(), InstanceOwner: owner, AppID: rel.ID,
		Org: rel.Org, SelfLinks: s.instanceLinks(rel.ID, ref.ID()),
		Status:  &InstanceStatus{ReadStatus: readStatus(c)},
		Process: &ProcessState{Started: &now, StartEvent: start.ID},
		Created: now, CreatedBy: who, LastChanged: now, LastChangedBy: who,
		DueBefore: req.DueBefore, VisibleAfter: req.VisibleAfter}
	moveTo(doc.Process, step, now)
	startEvent := *doc.Process
	startEvent.CurrentTask = nil

	els, parts, err := s.initialData(ctx, c, rel, ref, step.To, req, who, now)
	defer func() {
		if err != nil {
			s.dropBlobs(els)
		}
	}()
	if err != nil {
		return nil, err
	}
	row := store.Instance{GUID: guid, PartyID: req.PartyID, Org: rel.Org, AppID: rel.ID, AppVersion: rel.Version,
		CurrentTask: doc.Process.CurrentTask.ElementID, Created: now, CreatedBy: who, Document: mustJSON(doc)}
	idem := store.Idempotency{Key: req.IdempotencyKey}
	if idem.Key != "" { // the digests serve only to answer a retry
		idem.RequestHash, idem.LegacyHash = requestHash(rel.ID, req, els[:parts]), legacyHash(rel.ID, req.PartyID)
		if snap, rerr := s.earlierInstance(ctx, ref, row.CreatedBy, idem); snap != nil || rerr != nil {
			s.dropBlobs(els)
			return snap, rerr
		}
	}
	evIn := s.eventInstance(ctx, rel.Org, rel.Name, req.PartyID, guid)
	user := platformUser(c)
	audit := []store.InstanceEvent{auditEvent(row, EventCreated, now, user, doc.Process),
		auditEvent(row, EventProcessStartEvent, now, user, &startEvent), auditEvent(row, EventProcessStartTask, now, user, doc.Process)}
	w := s.st.Writes()
	w.CreateInstance(&row, idem)
	for i := range els {
		els[i].InstanceID = 0 // the instance this change creates
		w.CreateDataElement(&els[i])
	}
	if err = s.publishIn(w, evIn, now, audit, events.TypeInstanceCreated, stepEvent(step)); err != nil {
		return nil, err
	}
	if err = w.Commit(ctx); errors.Is(err, store.ErrDuplicate) && idem.Key != "" {
		// A concurrent request with the key won (els' blobs go, as err is set).
		if snap, rerr := s.earlierInstance(ctx, ref, row.CreatedBy, idem); snap != nil || rerr != nil {
			return snap, rerr
		}
	}
	if err != nil {
		return nil, fmt.Errorf("instances: instantiate %s: %w", rel.ID, err)
	}
	s.published()
	// The rows just committed are what Get would read back (see assemble).
	sortAsStored(els)
	return assemble(ref, rel, row, els)
}

// earlierInstance returns the instance an earlier request with idem's key
// made (an idempotent retry: its instance and events as they are now), nil when
// there is none, and CodeIdempotency when the key was used for another request.
func (s *Service) earlierInstance(ctx context.Context, ref Ref, createdBy string, idem store.Idempotency) (*Snapshot, error) {
	prev, err := s.st.InstanceByIdempotency(ctx, createdBy, idem)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return nil, nil
	case errors.Is(err, store.ErrConflict):
		return nil, fail(ErrConflict, CodeIdempotency, "the idempotency key was used for another request")
	case err != nil:
		return nil, fmt.Errorf("instances: idempotency key: %w", err)
	}
	ref.PartyID, ref.GUID = prev.PartyID, prev.GUID
	return s.Get(ctx, ref)
}

func readStatus(c authz.Caller) string {
	if c.Kind == authz.ServiceOwner {
		return "Unread"
	}
	return "Read"
}

// moveTo points p at the step's target: a task becomes the current task, an end
// event ends the process.
func moveTo(p *ProcessState, step process.Step, now timeT) {
	flow := 1
	if p.CurrentTask != nil {
		flow = p.CurrentTask.Flow + 1
	}
	if step.Ended() {
		p.CurrentTask, p.Ended, p.EndEvent = nil, &now, step.To.ID
		return
	}
	t := step.To
	p.CurrentTask = &ProcessElementInfo{Flow: flow, Started: &now, ElementID: t.ID, Name: t.Name,
		AltinnTaskType: string(t.Task.Type), FlowType: "CompleteCurrentMoveToNext"}
}

// autoCreate writes the blobs of the form data elements that task auto-creates and
// returns their rows, not yet inserted.
func (s *Service) autoCreate(ctx context.Context, rel relT, ref Ref, task *process.Element, who string, now timeT) ([]store.DataElement, error) {
	var out []store.DataElement
	if task == nil || !task.IsTask() {
		return nil, nil
	}
	for _, dt := range rel.App.Metadata.DataTypes {
		if !isForm(dt) || dt.TaskID != task.ID || dt.AppLogic.AutoCreate == nil || !*dt.AppLogic.AutoCreate {
			continue
		}
		f, err := s.models.get(rel.App.Model(dt.ID))
		if err != nil {
			return out, err
		}
		el, err := s.sharedElement(ctx, rel, ref, dt, f, storedType(dt), who, now)
		if err != nil {
			return out, err
		}
		out = append(out, el)
	}
	return out, nil
}

// putElement writes content to the blob store and returns the element row to insert.
// A replacement gets a new key (version suffix), so the old content stays intact
// until the new row commits.
func (s *Service) putElement(ctx context.Context, rel relT, ref Ref, dataType, dataGUID string, p payload, who string, now timeT, replace bool) (store.DataElement, error) {
	key := store.BlobKey(rel.ID, ref.GUID, dataGUID, now)
	if replace {
		key += "." + strings.ReplaceAll(uuid.NewString(), "-", "")[:12]
	}
	info, err := s.blobs.Put(ctx, key, p.body, blob.PutOptions{ContentType: p.ct, MaxSize: p.limit})
	if errors.Is(err, blob.ErrTooLarge) {
		return store.DataElement{}, fail(ErrTooLarge, CodeTooLarge, "the content is larger than the %d bytes data type %s allows", p.limit, dataType)
	}
	if err != nil {
		return store.DataElement{}, p.in.failed(fmt.Errorf("instances: store content of %s: %w", dataType, err))
	}
	info.Key = key
	return s.elementRow(rel, ref, dataType, dataGUID, p.ct, p.filename, info, who, now), nil
}

// dropBlobs removes blobs whose rows were not written; the sweeper catches any
// this misses. A transaction that reports an error may still have committed (the
// connection dropped after COMMIT reached the server), so a blob is deleted only
// after the store confirms that no row points at it: deleting it blindly could
// leave a committed row pointing at a missing blob, which DESIGN §5 forbids. When
// the store cannot answer — likely, if it just lost its connection — the blob stays
// for the sweeper, which deletes it once it is old enough and still unreferenced.
// The keys are fresh (new GUID or version suffix), so no row can start to point at
// one between the check and the delete.
func (s *Service) dropBlobs(els []store.DataElement) {
	ctx := context.WithoutCancel(context.Background())
	for _, e := range els {
		if e.BlobKey == "" || store.IsSharedBlobKey(e.BlobKey) { // shared: other rows point at it (see sharedElement)
			continue
		}
		ref, err := s.st.BlobKeyReferenced(ctx, e.BlobKey)
		if err != nil || ref {
			s.log.Warn("instances: blob kept; the sweeper removes it if no row points at it", "key", e.BlobKey, "referenced", ref, "err", err)
			continue
		}
		if err := s.blobs.Delete(ctx, e.BlobKey); err != nil {
			s.log.Warn("instances: orphan blob left for the sweeper", "key", e.BlobKey, "err", err)
		}
	}
}

// requestHash is the digest an Idempotency-Key is bound to: the app, the owner,
// the template's dates and prefill, and each data part the request sent
// (type, content type, file name and the SHA-256 of its content), so a retry
// with the same key and other content is refused instead of answered with the
// first request's instance. What the runtime makes itself (the forms the first
// task creates) stays out, so a retry after a redeploy that changed the model
// is still the same request.
func requestHash(appID string, req InstantiateRequest, parts []store.DataElement) string {
	h := sha256.New()
	field := func(v string) { h.Write([]byte(v)); h.Write([]byte{0}) }
	field(appID)
	field(itoa(req.PartyID))
	for _, t := range []*timeT{req.DueBefore, req.VisibleAfter} {
		if t == nil {
			field("")
		} else {
			field(t.UTC().Format(time.RFC3339Nano))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(req.Prefill)) {
		field(k)
		field(req.Prefill[k])
	}
	for _, e := range parts {
		field(e.DataType)
		field(e.ContentType)
		field(e.Filename)
		field(e.SHA256)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// legacyHash is the digest keys were bound to before requestHash (the app and
// the owner only): a key stored with it still answers its retries.
func legacyHash(appID string, partyID int64) string {
	sum := sha256.Sum256([]byte(appID + "\x00" + itoa(partyID)))
	return hex.EncodeToString(sum[:])
}
