// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

// DefaultMaxSize caps a data element whose type names no maxSize: Altinn's request
// cap of 2000 MB.
const DefaultMaxSize = 2000 << 20

// Options configure a Service.
type Options struct {
	Store *store.Store
	Blobs blob.Store
	Apps  *apphost.Host
	// PublicURL is the runtime's base URL for selfLinks, without a trailing slash.
	PublicURL string
	Log       *slog.Logger
	// Now replaces time.Now in tests.
	Now func() time.Time
	// OnPublish, when set, is called after a change that published events has
	// committed (the delivery worker's Nudge).
	OnPublish func()
	// NoPDF queues no PDF jobs at task ends: the operator turned PDF receipts off.
	NoPDF bool
	// OnPDF, when set, is called after a change that queued a PDF job has
	// committed (the PDF worker's Nudge).
	OnPDF func()
	// WaitPDF makes ConfirmComplete wait for the instance's pending PDF jobs
	// (409 pdf_pending): set when this runtime prints PDFs, so that every job
	// ends, made or dead, and no confirmation waits for ever.
	WaitPDF bool
}

// Service runs instances. It is safe for concurrent use.
type Service struct {
	st     *store.Store
	blobs  blob.Store
	apps   *apphost.Host
	public string
	log    *slog.Logger
	now    func() time.Time
	models *modelCache
	shared sharedBlobs
	// events writes the app's CloudEvents in each change's transaction.
	events    *events.Publisher
	onPublish func()
	parties   cache[int64, partyFacts]
	noPDF     bool
	onPDF     func()
	waitPDF   bool
}

// New returns a Service.
func New(o Options) *Service {
	s := &Service{st: o.Store, blobs: o.Blobs, apps: o.Apps, public: strings.TrimSuffix(o.PublicURL, "/"),
		log: o.Log, now: o.Now, models: newModelCache(), onPublish: o.OnPublish,
		noPDF: o.NoPDF, onPDF: o.OnPDF, waitPDF: o.WaitPDF && !o.NoPDF, parties: cache[int64, partyFacts]{max: maxParties}}
	s.events = events.NewPublisher(s.public)
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	return s
}

// Snapshot is an instance as read at one moment: its document with the data
// elements, the release it is pinned to, and the version a later change compares.
type Snapshot struct {
	Instance *Instance
	Release  *apphost.Release
	row      store.Instance
	elements []store.DataElement
}

// CurrentTask returns the current task's id, "" once the process has ended or
// before it started.
func (s *Snapshot) CurrentTask() string {
	if p := s.Instance.Process; p != nil && p.CurrentTask != nil && p.Ended == nil {
		return p.CurrentTask.ElementID
	}
	return ""
}

// EndEvent returns the end event reached, or "".
func (s *Snapshot) EndEvent() string {
	if p := s.Instance.Process; p != nil {
		return p.EndEvent
	}
	return ""
}

// Release returns the current release of org/app, for instantiation and metadata.
func (s *Service) Release(org, app string) (*apphost.Release, error) {
	rel, err := s.apps.Current(org, app)
	if errors.Is(err, apphost.ErrNotFound) {
		return nil, fail(ErrNotFound, CodeAppNotFound, "no app %s/%s is deployed", org, app)
	}
	return rel, err
}

// Get reads the instance ref with its data elements. An instance of another app, or
// of another party, is ErrNotFound.
func (s *Service) Get(ctx context.Context, ref Ref) (*Snapshot, error) {
	return s.load(ctx, s.st, ref)
}

func (s *Service) load(ctx context.Context, st *store.Store, ref Ref) (*Snapshot, error) {
	row, els, err := st.LoadInstance(ctx, ref.PartyID, ref.GUID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && (row.AppID != ref.Org+"/"+ref.App || row.IsHardDeleted)) {
		return nil, fail(ErrNotFound, CodeInstanceNotFound, "no instance %s", ref.ID())
	}
	if err != nil {
		return nil, err
	}
	rel, err := s.apps.Get(ref.Org, ref.App, row.AppVersion)
	if err != nil {
		return nil, fmt.Errorf("instances: release of %s: %w", ref.ID(), err)
	}
	return assemble(ref, rel, row, els)
}

// elementDoc decodes a row's document and refreshes the columns that change.
func elementDoc(appID string, e store.DataElement) (DataElement, error) {
	d, err := elementDocs.decode(e.Document)
	if err != nil {
		return d, fmt.Errorf("instances: data element %s: %w", e.GUID, err)
	}
	d.Locked, d.LastChanged, d.LastChangedBy = e.Locked, e.LastChanged.UTC(), e.LastChangedBy
	// Altinn's path, whatever key holds the content (e.BlobKey) and whatever an
	// older document stored.
	d.BlobStoragePath = store.StoragePath(appID, e.InstanceGUID, e.GUID)
	if d.Tags == nil {
		d.Tags = []string{}
	}
	return d, nil
}

// by is what the *By fields record for the caller: a user id, an organisation
// number, or the service owner's code.
func by(c authz.Caller) string {
	switch {
	case c.UserID != 0:
		return itoa(c.UserID)
	case c.OrgNumber != "":
		return c.OrgNumber
	case c.Org != "":
		return c.Org
	}
	return c.ClientID
}

func platformUser(c authz.Caller) string {
	u := PlatformUser{UserID: c.UserID, OrgID: c.Org, AuthenticationLevel: c.AuthLevel}
	if c.UserID == 0 && c.Org == "" {
		u.EndUserSystemID = c.ClientID
	}
	return mustJSON(u)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("instances: marshal %T: %v", v, err)) // only plain structs reach here
	}
	return string(b)
}

func (s *Service) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

func (s *Service) instanceLinks(appID, id string) *SelfLinks {
	return &SelfLinks{Apps: s.public + "/" + appID + "/instances/" + id,
		Platform: s.public + "/storage/api/v1/instances/" + id}
}

// saveDoc writes the snapshot's document (without data) into its row and updates it
// with optimistic concurrency: a stale version is ErrConflict.
func saveDoc(ctx context.Context, st *store.Store, snap *Snapshot, who string, at time.Time) error {
	stageDoc(snap, who, at)
	return concurrent(snap, st.UpdateInstance(ctx, &snap.row))
}

// stageDoc puts the snapshot's document (without data) into its row, changed
// at at (moved on past the stored time, see store.NextChange) by who, for the
// update that saves it.
func stageDoc(snap *Snapshot, who string, at time.Time) {
	at = store.NextChange(snap.row.LastChanged, at)
	doc := *snap.Instance
	doc.Data = nil
	doc.LastChanged, doc.LastChangedBy = at, who
	snap.row.Document, snap.row.LastChanged, snap.row.LastChangedBy = mustJSON(doc), at, who
}

// saved answers a failed save of element rows with the instance's: an element
// that could not be written (store.ElementUnchangedError) is CodeLocked naming
// it, a stale instance CodeConcurrent.
func saved(snap *Snapshot, err error) error {
	var unchanged *store.ElementUnchangedError
	if errors.As(err, &unchanged) {
		return fail(ErrConflict, CodeLocked, "data element %s is locked", unchanged.GUID)
	}
	return concurrent(snap, err)
}

// concurrent answers a stale version of the instance row (store.ErrConflict)
// as CodeConcurrent; other errors pass as they are.
func concurrent(snap *Snapshot, err error) error {
	if errors.Is(err, store.ErrConflict) {
		return fail(ErrConflict, CodeConcurrent, "the instance %s was changed by another request; read it again", snap.Instance.ID)
	}
	return err
}

// concurrentTries bounds againOnConcurrent: each round at least one of the
// requests racing on an instance wins, so this many parallel uploads to one
// instance all succeed.
const concurrentTries = 16

// againOnConcurrent runs save on snap and, while it fails only because another
// request saved the instance since it was read (CodeConcurrent), on the instance
// read again, as long as it is still at the same task (the caller was authorised
// for that task). It serves changes that do not depend on the rest of the
// document, such as adding a data element, so that parallel uploads to one
// instance all succeed, as Altinn's per-instance lock lets them; save re-checks
// what it needs on the snapshot it is given.
func (s *Service) againOnConcurrent(ctx context.Context, ref Ref, snap *Snapshot, save func(*Snapshot) error) error {
	task := snap.CurrentTask()
	err := save(snap)
	for try := 1; try < concurrentTries && isConcurrent(err); try++ {
		fresh, lerr := s.Get(ctx, ref)
		if lerr != nil {
			return lerr
		}
		if fresh.CurrentTask() != task {
			return err
		}
		err = save(fresh)
	}
	return err
}

func isConcurrent(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == CodeConcurrent
}

// PartyID is the instance owner's party id.
func (s *Snapshot) PartyID() int64 { return s.row.PartyID }
