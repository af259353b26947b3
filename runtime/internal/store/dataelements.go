// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/blankett/blankett/internal/dbx"
)

// DataElement is a row of data_elements: the columns the runtime needs for access and
// integrity (size, SHA-256, blob key, lock), plus the Altinn DataElement JSON.
type DataElement struct {
	GUID         string `gorm:"column:guid;primaryKey;size:36"`
	InstanceID   int64
	InstanceGUID string `gorm:"size:36"`
	DataType     string `gorm:"size:200"`
	ContentType  string `gorm:"size:200"`
	Filename     string `gorm:"size:500"`
	Size         int64
	// SHA256 is the lowercase hex digest of the blob, computed while it was streamed.
	SHA256 string `gorm:"column:sha256;size:64"`
	// BlobKey is where the content is stored: "{org}/{app}/data/{yyyy-mm}/{instanceGuid}.{dataGuid}"
	// (see BlobKey; rows written before 2026-11-25 have the older
	// "{org}/{app}/{instanceGuid}/data/{dataGuid}"), or a shared key (see
	// SharedBlobKey) for form data not yet saved.
	BlobKey       string `gorm:"size:500"`
	Locked        bool
	Created       time.Time
	CreatedBy     string `gorm:"size:100"`
	LastChanged   time.Time
	LastChangedBy string `gorm:"size:100"`
	Document      string `gorm:"type:text"`
}

// TableName implements gorm's tabler.
func (DataElement) TableName() string { return "data_elements" }

// BlobKey returns the storage key of content of data element dataGUID of instance
// instanceGUID, written at now; appID is "org/app". It is
// "{org}/{app}/data/{yyyy-mm}/{instanceGuid}.{dataGuid}", the month of now in UTC:
// one folder per app and month, not one per instance, so that on the file-system
// store a new instance's first save creates no folder and the directory fsyncs of
// concurrent saves are one (see fsblob's group commit). The key is stored in the
// row and never derived again, so older rows keep the keys they were written
// with. What the API shows as blobStoragePath is StoragePath, not this.
func BlobKey(appID, instanceGUID, dataGUID string, now time.Time) string {
	return appID + "/data/" + now.UTC().Format("2006-01") + "/" + instanceGUID + "." + dataGUID
}

// StoragePath is a data element's blobStoragePath in Altinn's shape,
// "{org}/{app}/{instanceGuid}/data/{dataGuid}": what the instance and storage
// APIs show, whatever key (BlobKey, SharedBlobKey, a version suffix) holds the
// content.
func StoragePath(appID, instanceGUID, dataGUID string) string {
	return appID + "/" + instanceGUID + "/data/" + dataGUID
}

// CreateDataElement inserts d after its blob has been written. Missing timestamps are
// set to now; an unknown instance fails on the foreign key.
func (s *Store) CreateDataElement(ctx context.Context, d DataElement) (DataElement, error) {
	s.elementDefaults(&d)
	_, err := s.exec(ctx, createDataElementSQL, createDataElementArgs(&d)...)
	return d, wrap("create data element "+d.GUID, err)
}

// elementDefaults fills in what CreateDataElement documents.
func (s *Store) elementDefaults(d *DataElement) {
	if d.Created.IsZero() {
		d.Created = s.clock()
	}
	if d.LastChanged.IsZero() {
		d.LastChanged = d.Created
	}
	if d.LastChangedBy == "" {
		d.LastChangedBy = d.CreatedBy
	}
	d.Created, d.LastChanged = ts(d.Created), ts(d.LastChanged)
}

// createDataElementArgs are createDataElementSQL's arguments for d.
func createDataElementArgs(d *DataElement) []any {
	return []any{d.GUID, d.InstanceID, d.InstanceGUID, d.DataType, d.ContentType, d.Filename,
		d.Size, d.SHA256, d.BlobKey, d.Locked, d.Created, d.CreatedBy, d.LastChanged, d.LastChangedBy, d.Document}
}

// createDataElementSQL is CreateDataElement's statement (see rawSQL), and
// createDataElementOfSQL the same insert taking instance_id from the instance
// row its instance_guid names (zero rows when there is none), which it returns:
// createDataElementArgs without the instance id, then the instance's guid.
var (
	createDataElementSQL   = newRawSQL("INSERT INTO data_elements (" + dataElementColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
	createDataElementOfSQL = newRawSQL("INSERT INTO data_elements (" + dataElementColumns + ") SELECT ?, id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? " +
		"FROM instances WHERE guid = ? RETURNING instance_id")
)

// GetDataElement returns element dataGUID of instance instanceGUID.
func (s *Store) GetDataElement(ctx context.Context, instanceGUID, dataGUID string) (DataElement, error) {
	var d DataElement
	err := s.db(ctx).Where("guid = ? AND instance_guid = ?", dataGUID, instanceGUID).Take(&d).Error
	return d, wrap("get data element "+dataGUID, err)
}

// dataElementColumns lists every column of DataElement, in the order
// scanElements reads them.
const dataElementColumns = "guid, instance_id, instance_guid, data_type, content_type, filename, size, sha256, " +
	"blob_key, locked, created, created_by, last_changed, last_changed_by, document"

// listDataElementsSQL and listDataElementsOfSQL are the statements of
// ListDataElements and ListDataElementsOf, which bypass gorm (see rawSQL). The
// latter takes its ids as one argument, so that its text does not vary with their
// number: a JSON array on SQLite, an array on PostgreSQL.
var (
	listDataElementsSQL = newRawSQL("SELECT " + dataElementColumns +
		" FROM data_elements WHERE instance_id = ? ORDER BY created, guid")
	listDataElementsOfSQL = rawSQL{
		sqlite: "SELECT " + dataElementColumns +
			" FROM data_elements WHERE instance_id IN (SELECT value FROM json_each(?)) ORDER BY instance_id, created, guid",
		postgres: "SELECT " + dataElementColumns +
			" FROM data_elements WHERE instance_id = ANY($1) ORDER BY instance_id, created, guid",
	}
)

// rowSource is the part of a result that scanElements reads: database/sql's rows
// or pgx's.
type rowSource interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// scanElements calls fn with every row of rows, selected as dataElementColumns.
func scanElements(rows rowSource, fn func(DataElement)) error {
	for rows.Next() {
		var d DataElement
		if err := rows.Scan(dataElementDest(&d)...); err != nil {
			return err
		}
		fn(d)
	}
	return rows.Err()
}

// dataElementDest returns the scan destinations of dataElementColumns in d.
func dataElementDest(d *DataElement) []any {
	return []any{&d.GUID, &d.InstanceID, &d.InstanceGUID, &d.DataType, &d.ContentType, &d.Filename, &d.Size, &d.SHA256,
		&d.BlobKey, &d.Locked, &d.Created, &d.CreatedBy, &d.LastChanged, &d.LastChangedBy, &d.Document}
}

// ListDataElements returns an instance's elements in creation order.
func (s *Store) ListDataElements(ctx context.Context, instanceID int64) ([]DataElement, error) {
	out := []DataElement{} // gorm's Find gave an empty slice, not nil, for no rows
	err := s.eachDataElement(ctx, listDataElementsSQL, instanceID, func(d DataElement) { out = append(out, d) })
	if err != nil {
		return nil, wrap(fmt.Sprintf("list data elements of instance %d", instanceID), err)
	}
	return out, nil
}

// ListDataElementsOf returns the elements of each of the instances ids, each
// instance's in creation order as ListDataElements gives them, in one query; an
// instance without elements has no entry.
func (s *Store) ListDataElementsOf(ctx context.Context, ids []int64) (map[int64][]DataElement, error) {
	out := map[int64][]DataElement{}
	if len(ids) == 0 {
		return out, nil
	}
	var arg any = ids
	if s.dialect != dbx.Postgres {
		b := []byte{'['}
		for i, id := range ids {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, id, 10)
		}
		arg = string(append(b, ']'))
	}
	err := s.eachDataElement(ctx, listDataElementsOfSQL, arg, func(d DataElement) {
		out[d.InstanceID] = append(out[d.InstanceID], d)
	})
	if err != nil {
		return nil, wrap(fmt.Sprintf("list data elements of %d instances", len(ids)), err)
	}
	return out, nil
}

// eachDataElement runs q, which selects dataElementColumns, with arg and calls fn
// with every row.
func (s *Store) eachDataElement(ctx context.Context, q rawSQL, arg any, fn func(DataElement)) error {
	rows, err := s.query(ctx, q, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	return scanElements(rows, fn)
}

// ReplaceDataElement overwrites the content columns and document of an unlocked
// element (new blob key, size, hash, content type, filename). A locked element is
// ErrConflict. The old blob becomes an orphan for the sweeper.
func (s *Store) ReplaceDataElement(ctx context.Context, d *DataElement) error {
	d.LastChanged = s.clock()
	n, err := s.exec(ctx, replaceDataElementSQL, replaceDataElementArgs(d)...)
	if err == nil && n == 0 {
		return s.whyUnchanged(ctx, "replace", d.InstanceGUID, d.GUID)
	}
	return wrap("replace data element "+d.GUID, err)
}

// replaceDataElementArgs are replaceDataElementSQL's arguments for d, which
// replace it only while it is unlocked.
func replaceDataElementArgs(d *DataElement) []any {
	return []any{d.ContentType, d.Filename, d.Size, d.SHA256, d.BlobKey, d.LastChanged,
		d.LastChangedBy, d.Document, d.GUID, d.InstanceGUID, false}
}

// replaceDataElementSQL and lockDataElementSQL are the statements of
// ReplaceDataElement and LockDataElement, which run on every save and process
// step (see rawSQL).
var (
	replaceDataElementSQL = newRawSQL("UPDATE data_elements SET content_type = ?, filename = ?, size = ?, sha256 = ?, " +
		"blob_key = ?, last_changed = ?, last_changed_by = ?, document = ? WHERE guid = ? AND instance_guid = ? AND locked = ?")
	lockDataElementSQL = newRawSQL("UPDATE data_elements SET locked = ?, last_changed = ? WHERE guid = ? AND instance_guid = ?")
)

// DeleteDataElement removes an unlocked element's row; locked is ErrConflict.
func (s *Store) DeleteDataElement(ctx context.Context, instanceGUID, dataGUID string) error {
	res := s.db(ctx).Where("guid = ? AND instance_guid = ? AND locked = ?", dataGUID, instanceGUID, false).Delete(&DataElement{})
	if res.Error == nil && res.RowsAffected == 0 {
		return s.whyUnchanged(ctx, "delete", instanceGUID, dataGUID)
	}
	return wrap("delete data element "+dataGUID, res.Error)
}

// LockDataElement sets or clears d's lock and, done, d.Locked and d.LastChanged as
// written; the caller updates the document's "locked" in the same transaction.
func (s *Store) LockDataElement(ctx context.Context, d *DataElement, locked bool) error {
	at := s.clock()
	n, err := s.exec(ctx, lockDataElementSQL, locked, at, d.GUID, d.InstanceGUID)
	if err == nil && n == 0 {
		return fmt.Errorf("store: lock data element %s: %w", d.GUID, ErrNotFound)
	}
	if err != nil {
		return wrap("lock data element "+d.GUID, err)
	}
	d.Locked, d.LastChanged = locked, at
	return nil
}

// BlobKeyReferenced reports whether any data element row points at key; the orphan
// sweeper deletes only blobs for which it is false (and that are older than a grace
// period, since the blob is written before its row).
func (s *Store) BlobKeyReferenced(ctx context.Context, key string) (bool, error) {
	var n int64
	err := s.db(ctx).Model(&DataElement{}).Where("blob_key = ?", key).Limit(1).Count(&n).Error
	return n > 0, wrap("blob key referenced", err)
}

// whyUnchanged tells a locked element (ErrConflict) from a missing one (ErrNotFound).
func (s *Store) whyUnchanged(ctx context.Context, op, instanceGUID, dataGUID string) error {
	d, err := s.GetDataElement(ctx, instanceGUID, dataGUID)
	if err != nil {
		return fmt.Errorf("store: %s data element %s: %w", op, dataGUID, ErrNotFound)
	}
	if d.Locked {
		return fmt.Errorf("store: %s data element %s: element is locked: %w", op, dataGUID, ErrConflict)
	}
	return fmt.Errorf("store: %s data element %s: %w", op, dataGUID, ErrConflict)
}

// UpdateDataElementDocument overwrites the document of an unlocked element (its
// metadata changed, not its content); locked is ErrConflict.
func (s *Store) UpdateDataElementDocument(ctx context.Context, d *DataElement) error {
	d.LastChanged = s.clock()
	res := s.db(ctx).Model(&DataElement{}).Where("guid = ? AND instance_guid = ? AND locked = ?", d.GUID, d.InstanceGUID, false).
		Updates(map[string]any{"last_changed": d.LastChanged, "last_changed_by": d.LastChangedBy, "document": d.Document})
	if res.Error == nil && res.RowsAffected == 0 {
		return s.whyUnchanged(ctx, "update", d.InstanceGUID, d.GUID)
	}
	return wrap("update data element "+d.GUID, res.Error)
}
