// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// getInstanceWithElementsSQL selects an instance and its data elements in one
// statement: one row per element, or one row of NULL element columns for an
// instance without any.
var getInstanceWithElementsSQL = newRawSQL("SELECT " + prefixed("i.", instanceColumns) + ", " +
	prefixed("d.", dataElementColumns) + " FROM instances i LEFT JOIN data_elements d ON d.instance_id = i.id" +
	" WHERE i.guid = ? AND i.party_id = ? ORDER BY d.created, d.guid")

// prefixed qualifies every name of a column list with prefix.
func prefixed(prefix, columns string) string {
	return prefix + strings.ReplaceAll(columns, ", ", ", "+prefix)
}

// GetInstanceWithElements is GetInstance and ListDataElements in one round trip
// to the database: what loading an instance for a request needs.
func (s *Store) GetInstanceWithElements(ctx context.Context, partyID int64, guid string) (Instance, []DataElement, error) {
	in, els, err := s.instanceWithElements(ctx, partyID, guid)
	if err != nil {
		return Instance{}, nil, wrap("get instance "+guid, err)
	}
	return in, els, nil
}

func (s *Store) instanceWithElements(ctx context.Context, partyID int64, guid string) (Instance, []DataElement, error) {
	rows, err := s.query(ctx, getInstanceWithElementsSQL, guid, partyID)
	if err != nil {
		return Instance{}, nil, err
	}
	defer rows.Close()
	var (
		in    Instance
		found bool
		opt   optionalElement
		dest  = append(in.dest(), opt.dest()...)
		els   = []DataElement{} // as ListDataElements gives for none
	)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return Instance{}, nil, err
		}
		found = true
		if d, ok := opt.element(); ok {
			els = append(els, d)
		}
	}
	if err := rows.Err(); err != nil {
		return Instance{}, nil, err
	}
	if !found {
		return Instance{}, nil, gorm.ErrRecordNotFound
	}
	return in, els, nil
}

// optionalElement receives the columns of a data element from a LEFT JOIN,
// where all are NULL when the instance has no element.
type optionalElement struct {
	guid, instanceGUID, dataType, contentType, filename, sha256 *string
	blobKey, createdBy, lastChangedBy, document                 *string
	instanceID, size                                            *int64
	locked                                                      *bool
	created, lastChanged                                        *time.Time
}

// dest returns pointers in the order of dataElementColumns.
func (o *optionalElement) dest() []any {
	return []any{&o.guid, &o.instanceID, &o.instanceGUID, &o.dataType, &o.contentType, &o.filename, &o.size, &o.sha256,
		&o.blobKey, &o.locked, &o.created, &o.createdBy, &o.lastChanged, &o.lastChangedBy, &o.document}
}

// element returns the scanned element; ok is false for the NULL row.
func (o *optionalElement) element() (DataElement, bool) {
	if o.guid == nil {
		return DataElement{}, false
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	d := DataElement{GUID: *o.guid, InstanceGUID: str(o.instanceGUID), DataType: str(o.dataType), ContentType: str(o.contentType),
		Filename: str(o.filename), SHA256: str(o.sha256), BlobKey: str(o.blobKey), CreatedBy: str(o.createdBy),
		LastChangedBy: str(o.lastChangedBy), Document: str(o.document)}
	if o.instanceID != nil {
		d.InstanceID = *o.instanceID
	}
	if o.size != nil {
		d.Size = *o.size
	}
	if o.locked != nil {
		d.Locked = *o.locked
	}
	if o.created != nil {
		d.Created = *o.created
	}
	if o.lastChanged != nil {
		d.LastChanged = *o.lastChanged
	}
	return d, true
}
