// SPDX-License-Identifier: MIT

package instances

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// Upload is the content of a create or replace request.
type Upload struct {
	// ContentType is the request's Content-Type header.
	ContentType string
	// Filename comes from Content-Disposition; binary data requires one.
	Filename string
	// Length is the declared Content-Length, -1 when unknown.
	Length int64
	Body   io.Reader
}

// DataType returns the data type id of the instance's app, or ErrInvalid for an
// unknown one, as Altinn answers 400 "element type not allowed".
func (s *Snapshot) DataType(id string) (*app.DataType, error) {
	if dt := s.Release.App.Metadata.DataType(id); dt != nil {
		return dt, nil
	}
	return nil, fail(ErrInvalid, CodeDataTypeUnknown, "the app has no data type %q", id)
}

// Element returns the data element dataGUID of the instance.
func (s *Snapshot) Element(dataGUID string) (*DataElement, error) {
	for i := range s.Instance.Data {
		if s.Instance.Data[i].ID == dataGUID {
			return &s.Instance.Data[i], nil
		}
	}
	return nil, fail(ErrNotFound, CodeDataNotFound, "no data element %s in instance %s", dataGUID, s.Instance.ID)
}

// writable refuses changes to an instance without a current task or that is
// archived or deleted.
func (s *Snapshot) writable() error {
	if st := s.Instance.Status; st != nil && (st.IsArchived || st.IsSoftDeleted || st.IsHardDeleted) {
		return fail(ErrConflict, CodeNotActive, "the instance is not active")
	}
	if s.CurrentTask() == "" {
		return fail(ErrConflict, CodeProcessEnded, "the instance has no current task")
	}
	return nil
}

// maxBytes is a data type's maxSize in bytes.
func maxBytes(dt *app.DataType) int64 {
	if dt.MaxSize == nil || *dt.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return int64(math.Ceil(*dt.MaxSize * 1024 * 1024))
}

// CreateData adds a data element of dataType. Form data is read as XML or JSON (no
// body gives an empty model) and stored in the type's content type; binary data needs
// a filename, an allowed content type, a non-empty body within maxSize.
func (s *Service) CreateData(ctx context.Context, c authz.Caller, snap *Snapshot, dataType string, up Upload) (*DataElement, error) {
	dt, err := snap.DataType(dataType)
	if err != nil {
		return nil, err
	}
	if err := snap.writable(); err != nil {
		return nil, err
	}
	if dt.AppLogic != nil && dt.AppLogic.DisallowUserCreate && c.Kind != authz.ServiceOwner {
		return nil, fail(ErrInvalid, CodeUserCreateDisallowed, "data type %s does not allow users to create elements", dt.ID)
	}
	n := 0
	for _, e := range snap.elements {
		if e.DataType == dt.ID {
			n++
		}
	}
	if dt.MaxCount > 0 && n >= dt.MaxCount {
		return nil, fail(ErrConflict, CodeTooMany, "data type %s allows at most %d elements", dt.ID, dt.MaxCount)
	}
	ct, body, filename, limit, err := s.content(snap, dt, up)
	if err != nil {
		return nil, err
	}
	now, who := s.clock(), by(c)
	ref := Ref{Org: snap.Release.Org, App: snap.Release.Name, PartyID: snap.row.PartyID, GUID: snap.row.GUID}
	el, err := s.putElement(ctx, snap.Release, ref, dt.ID, uuid.NewString(), ct, filename, body, limit, who, now, false)
	if err != nil {
		return nil, err
	}
	if el.Size == 0 && !isForm(dt) {
		s.dropBlobs([]store.DataElement{el})
		return nil, fail(ErrInvalid, CodeEmpty, "the file is empty")
	}
	el.InstanceID = snap.row.ID
	err = s.st.Tx(ctx, func(tx *store.Store) error {
		if err := saveDoc(ctx, tx, snap, who, now); err != nil {
			return err
		}
		if _, err := tx.CreateDataElement(ctx, el); err != nil {
			return err
		}
		return s.dataEvent(ctx, tx, c, snap, EventCreated, el.GUID)
	})
	if err != nil {
		s.dropBlobs([]store.DataElement{el})
		return nil, err
	}
	d, err := elementDoc(el)
	return &d, err
}

// content checks an upload against the data type and returns what to store.
func (s *Service) content(snap *Snapshot, dt *app.DataType, up Upload) (ct string, body io.Reader, filename string, limit int64, err error) {
	limit = maxBytes(dt)
	if up.Length > limit {
		return "", nil, "", 0, fail(ErrTooLarge, CodeTooLarge, "the content is larger than the %d bytes data type %s allows", limit, dt.ID)
	}
	if !isForm(dt) {
		if up.Filename == "" {
			return "", nil, "", 0, fail(ErrInvalid, CodeMissingFilename, "a file needs Content-Disposition: attachment; filename=…")
		}
		if up.ContentType == "" || !contentTypeAllowed(dt.AllowedContentTypes, up.ContentType) {
			return "", nil, "", 0, &Error{Kind: ErrUnsupportedMediaType, Code: CodeContentTypeRejected, Title: "Unsupported content type",
				Detail: fmt.Sprintf("data type %s does not accept %q", dt.ID, up.ContentType)}
		}
		return up.ContentType, up.Body, up.Filename, limit, nil
	}
	f, err := s.models.get(snap.Release.App.Model(dt.ID))
	if err != nil {
		return "", nil, "", 0, err
	}
	ct = storedType(dt)
	raw, err := io.ReadAll(io.LimitReader(up.Body, limit+1))
	if err != nil {
		return "", nil, "", 0, fmt.Errorf("instances: read form data: %w", err)
	}
	if int64(len(raw)) > limit {
		return "", nil, "", 0, fail(ErrTooLarge, CodeTooLarge, "the content is larger than the %d bytes data type %s allows", limit, dt.ID)
	}
	var out []byte
	if len(bytes.TrimSpace(raw)) == 0 {
		out, err = f.empty(ct)
	} else {
		kind, kerr := bodyKind(up.ContentType)
		if kerr != nil {
			return "", nil, "", 0, kerr
		}
		var v any
		if v, err = f.decode(kind, bytes.NewReader(raw)); err == nil {
			out, err = f.encode(ct, v)
		}
	}
	if err != nil {
		return "", nil, "", 0, err
	}
	return ct, bytes.NewReader(out), up.Filename, 0, nil
}

// ReplaceData replaces an element's content: form data in XML or JSON, stored in its
// type's content type; binary data as for CreateData. A locked element is
// ErrConflict.
func (s *Service) ReplaceData(ctx context.Context, c authz.Caller, snap *Snapshot, dataGUID string, up Upload) (*DataElement, error) {
	cur, err := snap.Element(dataGUID)
	if err != nil {
		return nil, err
	}
	dt, err := snap.DataType(cur.DataType)
	if err != nil {
		return nil, err
	}
	if err := snap.writable(); err != nil {
		return nil, err
	}
	if cur.Locked {
		return nil, fail(ErrConflict, CodeLocked, "data element %s is locked", dataGUID)
	}
	if isForm(dt) && up.Filename == "" {
		up.Filename = cur.Filename
	}
	ct, body, filename, limit, err := s.content(snap, dt, up)
	if err != nil {
		return nil, err
	}
	now, who := s.clock(), by(c)
	ref := Ref{Org: snap.Release.Org, App: snap.Release.Name, PartyID: snap.row.PartyID, GUID: snap.row.GUID}
	el, err := s.putElement(ctx, snap.Release, ref, dt.ID, dataGUID, ct, filename, body, limit, who, now, true)
	if err != nil {
		return nil, err
	}
	if el.Size == 0 && !isForm(dt) {
		s.dropBlobs([]store.DataElement{el})
		return nil, fail(ErrInvalid, CodeEmpty, "the file is empty")
	}
	d := *cur
	d.BlobStoragePath = el.BlobKey
	d.ContentType, d.Filename, d.Size, d.ContentHash, d.LastChanged, d.LastChangedBy = ct, filename, el.Size, el.SHA256, now, who
	row := store.DataElement{GUID: dataGUID, InstanceGUID: snap.row.GUID, ContentType: ct, Filename: filename,
		Size: el.Size, SHA256: el.SHA256, BlobKey: el.BlobKey, LastChangedBy: who, Document: mustJSON(d)}
	err = s.st.Tx(ctx, func(tx *store.Store) error {
		if err := saveDoc(ctx, tx, snap, who, now); err != nil {
			return err
		}
		if err := tx.ReplaceDataElement(ctx, &row); err != nil {
			return fail(ErrConflict, CodeLocked, "data element %s is locked", dataGUID)
		}
		return s.dataEvent(ctx, tx, c, snap, EventSaved, dataGUID)
	})
	if err != nil {
		s.dropBlobs([]store.DataElement{el})
		return nil, err
	}
	s.dropBlobs([]store.DataElement{{BlobKey: cur.BlobStoragePath}})
	return &d, nil
}

// DeleteData deletes an unlocked element: the row first, then its blob.
func (s *Service) DeleteData(ctx context.Context, c authz.Caller, snap *Snapshot, dataGUID string) error {
	cur, err := snap.Element(dataGUID)
	if err != nil {
		return err
	}
	dt, err := snap.DataType(cur.DataType)
	if err != nil {
		return err
	}
	if err := snap.writable(); err != nil {
		return err
	}
	if cur.Locked {
		return fail(ErrConflict, CodeLocked, "data element %s is locked", dataGUID)
	}
	if dt.AppLogic != nil && (dt.AppLogic.DisallowUserDelete && c.Kind != authz.ServiceOwner || isForm(dt) && dt.MinCount == 1 && dt.MaxCount == 1) {
		return fail(ErrInvalid, CodeUserDeleteDisallowed, "data element %s of type %s cannot be deleted", dataGUID, dt.ID)
	}
	now, who := s.clock(), by(c)
	err = s.st.Tx(ctx, func(tx *store.Store) error {
		if err := saveDoc(ctx, tx, snap, who, now); err != nil {
			return err
		}
		if err := tx.DeleteDataElement(ctx, snap.row.GUID, dataGUID); err != nil {
			return fail(ErrConflict, CodeLocked, "data element %s is locked", dataGUID)
		}
		return s.dataEvent(ctx, tx, c, snap, EventDeleted, dataGUID)
	})
	if err != nil {
		return err
	}
	s.dropBlobs([]store.DataElement{{BlobKey: cur.BlobStoragePath}})
	return nil
}

func (s *Service) dataEvent(ctx context.Context, tx *store.Store, c authz.Caller, snap *Snapshot, typ, dataGUID string) error {
	_, err := tx.AppendEvent(ctx, store.InstanceEvent{InstanceGUID: snap.row.GUID, PartyID: snap.row.PartyID,
		EventType: typ, DataID: dataGUID, User: platformUser(c), ProcessInfo: mustJSON(snap.Instance.Process)})
	return err
}

// Content is a data element's content to send.
type Content struct {
	Body        io.ReadCloser
	ContentType string
	Filename    string
	Size        int64
}

// ReadData opens an element's content. Form data comes as JSON when asJSON, else in
// its stored content type; binary data as stored.
func (s *Service) ReadData(ctx context.Context, snap *Snapshot, dataGUID string, asJSON bool) (*Content, error) {
	cur, err := snap.Element(dataGUID)
	if err != nil {
		return nil, err
	}
	dt := snap.Release.App.Metadata.DataType(cur.DataType)
	if dt != nil && isForm(dt) && asJSON && cur.ContentType != ContentTypeJSON {
		v, err := s.readForm(ctx, snap, dataGUID)
		if err != nil {
			return nil, err
		}
		b := []byte(mustJSON(v))
		return &Content{Body: io.NopCloser(bytes.NewReader(b)), ContentType: ContentTypeJSON, Size: int64(len(b))}, nil
	}
	rc, info, err := s.blobs.Get(ctx, cur.BlobStoragePath, nil)
	if err != nil {
		return nil, fmt.Errorf("instances: read data element %s: %w", dataGUID, err)
	}
	return &Content{Body: rc, ContentType: cur.ContentType, Filename: cur.Filename, Size: info.Size}, nil
}
