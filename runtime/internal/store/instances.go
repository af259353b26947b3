// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm/clause"
)

// Instance is a row of the instances table: the columns that queries filter and sort
// on, plus the full Altinn Instance JSON in Document. ID is internal; GUID is public.
type Instance struct {
	ID            int64  `gorm:"primaryKey;autoIncrement"`
	GUID          string `gorm:"column:guid;size:36"`
	PartyID       int64
	Org           string `gorm:"size:64"`
	AppID         string `gorm:"size:200"` // "org/app"
	AppVersion    string `gorm:"size:64"`  // the release the instance is pinned to
	CurrentTask   string `gorm:"size:200"`
	IsComplete    bool
	IsArchived    bool
	ArchivedAt    *time.Time
	IsSoftDeleted bool
	SoftDeletedAt *time.Time
	IsHardDeleted bool
	HardDeletedAt *time.Time
	// Confirmed is true once Org itself has confirmed completion (the fast index path).
	Confirmed     bool
	Created       time.Time
	CreatedBy     string `gorm:"size:100"`
	LastChanged   time.Time
	LastChangedBy string `gorm:"size:100"`
	// Version is the optimistic-concurrency counter; UpdateInstance compares it.
	Version        int64
	IdempotencyKey *string `gorm:"size:200"`
	RequestHash    string  `gorm:"size:64"`
	Document       string  `gorm:"type:text"`
}

// TableName implements gorm's tabler.
func (Instance) TableName() string { return "instances" }

// InstanceConfirmation is a row of instance_confirmations.
type InstanceConfirmation struct {
	InstanceID    int64  `gorm:"primaryKey;autoIncrement:false"`
	StakeholderID string `gorm:"primaryKey;size:100"`
	ConfirmedOn   time.Time
}

// TableName implements gorm's tabler.
func (InstanceConfirmation) TableName() string { return "instance_confirmations" }

// Idempotency names a create request that a client may retry. Key is scoped to the
// instance's CreatedBy; RequestHash is a digest of the request body and parameters.
type Idempotency struct {
	Key         string
	RequestHash string
	// LegacyHash, when set, is an older digest of the same request: a row
	// stored with it (by an earlier version) also counts as the same request.
	LegacyHash string
}

// CreateInstance inserts in (ID, Version and missing timestamps are filled in) and
// returns the stored row. With a non-empty idem.Key a retry of the same request returns
// the instance created the first time; the same key with another RequestHash is
// ErrConflict. It is Writes.CreateInstance on its own, with the reads of the
// earlier instance around it; a change that writes more uses a Writes.
func (s *Store) CreateInstance(ctx context.Context, in Instance, idem Idempotency) (Instance, error) {
	if idem.Key != "" {
		if prev, err := s.InstanceByIdempotency(ctx, in.CreatedBy, idem); !errors.Is(err, ErrNotFound) {
			return prev, err
		}
	}
	w := s.Writes()
	w.CreateInstance(&in, idem)
	err := w.Commit(ctx)
	if errors.Is(err, ErrDuplicate) && idem.Key != "" { // a concurrent request with the key won
		if prev, perr := s.InstanceByIdempotency(ctx, in.CreatedBy, idem); !errors.Is(perr, ErrNotFound) {
			return prev, perr
		}
	}
	return in, err
}

// instanceDefaults fills in what CreateInstance documents, and idem's key and
// request hash.
func (s *Store) instanceDefaults(in *Instance, idem Idempotency) {
	now := s.clock()
	in.ID, in.Version = 0, 1
	if in.Created.IsZero() {
		in.Created = now
	}
	if in.LastChanged.IsZero() {
		in.LastChanged = in.Created
	}
	if in.LastChangedBy == "" {
		in.LastChangedBy = in.CreatedBy
	}
	in.Created, in.LastChanged = ts(in.Created), ts(in.LastChanged)
	in.ArchivedAt, in.SoftDeletedAt, in.HardDeletedAt = tsp(in.ArchivedAt), tsp(in.SoftDeletedAt), tsp(in.HardDeletedAt)
	in.IdempotencyKey, in.RequestHash = nil, idem.RequestHash
	if idem.Key != "" {
		k := idem.Key
		in.IdempotencyKey = &k
	}
}

// InstanceByIdempotency returns the instance createdBy made with idem's key:
// ErrNotFound when there is none, ErrConflict when it was made for another
// request (another RequestHash, and not LegacyHash).
func (s *Store) InstanceByIdempotency(ctx context.Context, createdBy string, idem Idempotency) (Instance, error) {
	var prev Instance
	err := s.db(ctx).Where("created_by = ? AND idempotency_key = ?", createdBy, idem.Key).Take(&prev).Error
	if err != nil {
		return prev, wrap("create instance: idempotency key", err)
	}
	if prev.RequestHash != idem.RequestHash && (idem.LegacyHash == "" || prev.RequestHash != idem.LegacyHash) {
		return Instance{}, fmt.Errorf("store: create instance: idempotency key %q used for another request: %w", idem.Key, ErrConflict)
	}
	return prev, nil
}

// getInstanceSQL selects every column of Instance, in the order GetInstance scans.
var getInstanceSQL = newRawSQL("SELECT id, " + instanceColumns + " FROM instances WHERE guid = ? AND party_id = ?")

// instanceColumns lists every column of Instance but id, in the order of
// instanceValues (and of instanceDest after the id).
const instanceColumns = "guid, party_id, org, app_id, app_version, current_task, " +
	"is_complete, is_archived, archived_at, is_soft_deleted, soft_deleted_at, is_hard_deleted, hard_deleted_at, " +
	"confirmed, created, created_by, last_changed, last_changed_by, version, idempotency_key, request_hash, document"

// instanceDest returns the scan destinations of getInstanceSQL's columns in in.
func instanceDest(in *Instance) []any {
	return []any{&in.ID, &in.GUID, &in.PartyID, &in.Org, &in.AppID, &in.AppVersion, &in.CurrentTask,
		&in.IsComplete, &in.IsArchived, &in.ArchivedAt, &in.IsSoftDeleted, &in.SoftDeletedAt, &in.IsHardDeleted, &in.HardDeletedAt,
		&in.Confirmed, &in.Created, &in.CreatedBy, &in.LastChanged, &in.LastChangedBy, &in.Version, &in.IdempotencyKey, &in.RequestHash, &in.Document}
}

// instanceValues returns in's values for instanceColumns.
func instanceValues(in Instance) []any {
	return []any{in.GUID, in.PartyID, in.Org, in.AppID, in.AppVersion, in.CurrentTask,
		in.IsComplete, in.IsArchived, in.ArchivedAt, in.IsSoftDeleted, in.SoftDeletedAt, in.IsHardDeleted, in.HardDeletedAt,
		in.Confirmed, in.Created, in.CreatedBy, in.LastChanged, in.LastChangedBy, in.Version, in.IdempotencyKey, in.RequestHash, in.Document}
}

// GetInstance returns the instance partyID/guid; ErrNotFound when the guid is unknown
// or belongs to another party. LoadInstance reads through it, so it bypasses gorm
// (see rawSQL).
func (s *Store) GetInstance(ctx context.Context, partyID int64, guid string) (Instance, error) {
	var in Instance
	err := s.queryRow(ctx, getInstanceSQL, []any{guid, partyID}, instanceDest(&in)...)
	if err != nil {
		return Instance{}, wrap("get instance "+guid, err)
	}
	return in, nil
}

// getInstanceByGUIDSQL selects an instance by its GUID alone.
var getInstanceByGUIDSQL = newRawSQL("SELECT id, " + instanceColumns + " FROM instances WHERE guid = ?")

// GetInstanceByGUID returns the instance guid, whoever owns it; ErrNotFound
// when it is unknown. The caller checks that the instance is the asker's.
func (s *Store) GetInstanceByGUID(ctx context.Context, guid string) (Instance, error) {
	var in Instance
	if err := s.queryRow(ctx, getInstanceByGUIDSQL, []any{guid}, instanceDest(&in)...); err != nil {
		return Instance{}, wrap("get instance "+guid, err)
	}
	return in, nil
}

// changedAt is the last_changed an update of in writes: now, unless the
// caller set a later time.
func (s *Store) changedAt(in *Instance) time.Time {
	changed := s.clock()
	if t := ts(in.LastChanged); t.After(changed) {
		changed = t
	}
	return changed
}

// updateInstanceArgs are updateInstanceSQL's arguments for in, changed at
// changed.
func updateInstanceArgs(in *Instance, changed time.Time) []any {
	return []any{in.AppVersion, in.CurrentTask, in.IsComplete,
		in.IsArchived, tsp(in.ArchivedAt), in.IsSoftDeleted, tsp(in.SoftDeletedAt), in.IsHardDeleted, tsp(in.HardDeletedAt),
		changed, in.LastChangedBy, in.Document, in.Version + 1, in.ID, in.Version}
}

// whyStale tells why an update of in changed no row: the instance is gone
// (ErrNotFound), or its version moved on (ErrConflict).
func (s *Store) whyStale(ctx context.Context, in *Instance) error {
	var n int64
	if err := s.db(ctx).Model(&Instance{}).Where("id = ?", in.ID).Count(&n).Error; err != nil {
		return wrap("update instance "+in.GUID, err)
	}
	if n == 0 {
		return fmt.Errorf("store: update instance %s: %w", in.GUID, ErrNotFound)
	}
	return fmt.Errorf("store: update instance %s: version %d is stale: %w", in.GUID, in.Version, ErrConflict)
}

// NextChange is the lastChanged a write of an instance last changed at prev
// gives it at now: now, or just after prev when this clock is behind prev (a
// replica whose clock lags, a step back of the clock, or two writes within a
// microsecond), so that every change moves lastChanged on and the ETag,
// If-Match and lastChanged=gt: polling all see it.
func NextChange(prev, now time.Time) time.Time {
	now, next := ts(now), ts(prev).Add(time.Microsecond)
	if next.After(now) {
		return next
	}
	return now
}

// updateInstanceSQL is UpdateInstance's statement (see rawSQL).
var updateInstanceSQL = newRawSQL("UPDATE instances SET app_version = ?, current_task = ?, is_complete = ?, " +
	"is_archived = ?, archived_at = ?, is_soft_deleted = ?, soft_deleted_at = ?, is_hard_deleted = ?, hard_deleted_at = ?, " +
	"last_changed = ?, last_changed_by = ?, document = ?, version = ? WHERE id = ? AND version = ?")

// UpdateInstance writes the mutable columns of in if the stored version still equals
// in.Version, then bumps in.Version and sets in.LastChanged (to now unless the caller
// set a later time; callers set NextChange of the stored value so that it always
// moves on). A stale version is ErrConflict; an unknown instance ErrNotFound.
// Identity columns (guid, party, org, app) and Confirmed are not changed here.
func (s *Store) UpdateInstance(ctx context.Context, in *Instance) error {
	changed := s.changedAt(in)
	n, err := s.exec(ctx, updateInstanceSQL, updateInstanceArgs(in, changed)...)
	if err != nil {
		return wrap("update instance "+in.GUID, err)
	}
	if n == 0 {
		return s.whyStale(ctx, in)
	}
	in.Version++
	in.LastChanged = changed
	return nil
}

// ConfirmInstance records that stakeholder (an org code) confirmed the instance as
// complete; confirming twice is not an error. The caller updates the Instance
// document's completeConfirmations in the same transaction.
func (s *Store) ConfirmInstance(ctx context.Context, instanceID int64, stakeholder string, at time.Time) error {
	c := InstanceConfirmation{InstanceID: instanceID, StakeholderID: stakeholder, ConfirmedOn: ts(at)}
	err := s.db(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&c).Error
	if err == nil {
		err = s.db(ctx).Model(&Instance{}).Where("id = ? AND org = ?", instanceID, stakeholder).
			Update("confirmed", true).Error
	}
	return wrap(fmt.Sprintf("confirm instance %d", instanceID), err)
}

// DeleteInstance removes the instance row for good; its data element rows and
// confirmations go with it (ON DELETE CASCADE). Blobs are left to the sweeper.
func (s *Store) DeleteInstance(ctx context.Context, instanceID int64) error {
	res := s.db(ctx).Delete(&Instance{}, instanceID)
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("store: delete instance %d: %w", instanceID, ErrNotFound)
	}
	return wrap(fmt.Sprintf("delete instance %d", instanceID), res.Error)
}

// PartyListState selects which of a party's instances ListPartyInstances returns.
type PartyListState int

// The inbox views of a party's instances.
const (
	// Active: neither archived nor deleted.
	Active PartyListState = iota
	// Archived: archived and not deleted.
	Archived
	// SoftDeleted: deleted but restorable (not hard-deleted).
	SoftDeleted
)

// ListPartyInstances returns up to limit (default 100) of the party's instances in the
// chosen state, most recently changed first.
func (s *Store) ListPartyInstances(ctx context.Context, partyID int64, state PartyListState, limit int) ([]Instance, error) {
	if limit <= 0 {
		limit = 100
	}
	q := s.db(ctx).Where("party_id = ? AND is_hard_deleted = ?", partyID, false)
	switch state {
	case Active:
		q = q.Where("is_archived = ? AND is_soft_deleted = ?", false, false)
	case Archived:
		q = q.Where("is_archived = ? AND is_soft_deleted = ?", true, false)
	case SoftDeleted:
		q = q.Where("is_soft_deleted = ?", true)
	}
	var out []Instance
	err := q.Order("last_changed DESC, id DESC").Limit(limit).Find(&out).Error
	return out, wrap(fmt.Sprintf("list instances of party %d", partyID), err)
}
