// SPDX-License-Identifier: MIT

package instances

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"

	"github.com/blankett/blankett/appframework/app"
	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/google/uuid"
)

// sharedBlobs remembers the shared blobs of empty form data this process has
// written (see sharedElement). The zero value is ready to use.
type sharedBlobs struct {
	mu sync.Mutex
	m  map[sharedID]*sharedBlob
}

// sharedID names the empty form data of one model in one content type; a model
// belongs to one release, so a new release gets its own entry.
type sharedID struct {
	model *app.Model
	ct    string
}

type sharedBlob struct {
	mu   sync.Mutex // held while the blob is written, so it is written once
	done bool
	info blob.Info
}

func (c *sharedBlobs) entry(id sharedID) *sharedBlob {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[sharedID]*sharedBlob{}
	}
	e := c.m[id]
	if e == nil {
		e = &sharedBlob{}
		c.m[id] = e
	}
	return e
}

// sharedElement returns the row of a new auto-created form data element of type
// dt holding the model's empty form data. Every instance of a release starts with
// the same bytes, so instead of one blob per instance the row points at one
// content-addressed shared blob (store.SharedBlobKey); the first save of the
// element writes a per-instance blob under a new key, as for any replace. The
// blob is put once per process, on first use: the put is idempotent (same key,
// same bytes) and returns only when the blob is durable, so no row is written
// before the blob it points at exists, and a shared blob lost meanwhile is
// written again by the next process. Nothing deletes a shared blob: dropBlobs
// skips it and the sweeper only takes keys of the data element shape.
func (s *Service) sharedElement(ctx context.Context, rel relT, ref Ref, dt *app.DataType, f *form, ct, who string,
	now timeT) (store.DataElement, error) {
	e := s.shared.entry(sharedID{model: rel.App.Model(dt.ID), ct: ct})
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.done {
		body, err := f.empty(ct)
		if err != nil {
			return store.DataElement{}, err
		}
		sum := sha256.Sum256(body)
		key := store.SharedBlobKey(rel.ID, hex.EncodeToString(sum[:]))
		info, err := s.blobs.Put(ctx, key, bytes.NewReader(body), blob.PutOptions{ContentType: ct})
		if err != nil {
			return store.DataElement{}, fmt.Errorf("instances: store empty form data of %s: %w", dt.ID, err)
		}
		info.Key = key
		e.info, e.done = info, true
	}
	return s.elementRow(rel, ref, dt.ID, uuid.NewString(), ct, "", e.info, who, now), nil
}

// elementRow returns the row of a new data element whose content is stored as
// info describes.
func (s *Service) elementRow(rel relT, ref Ref, dataType, dataGUID, ct, filename string, info blob.Info, who string,
	now timeT) store.DataElement {
	d := DataElement{ID: dataGUID, InstanceGUID: ref.GUID, DataType: dataType, Filename: filename, ContentType: ct,
		Size: info.Size, ContentHash: info.SHA256, Tags: []string{},
		SelfLinks: &SelfLinks{Apps: s.public + "/" + rel.ID + "/instances/" + ref.ID() + "/data/" + dataGUID,
			Platform: s.public + "/storage/api/v1/instances/" + ref.ID() + "/data/" + dataGUID},
		Created: now, CreatedBy: who, LastChanged: now, LastChangedBy: who}
	return store.DataElement{GUID: dataGUID, InstanceGUID: ref.GUID, DataType: dataType, ContentType: ct,
		Filename: filename, Size: info.Size, SHA256: info.SHA256, BlobKey: info.Key, Created: now, CreatedBy: who,
		LastChanged: now, LastChangedBy: who, Document: mustJSON(d)}
}
