// SPDX-License-Identifier: MIT

package storage

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/blankett/blankett/runtime/internal/store"
)

// document is an Altinn JSON object whose unknown fields pass through as stored.
type document map[string]json.RawMessage

func parseDocument(s string) (document, error) {
	d := document{}
	if s == "" {
		return d, nil
	}
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		return nil, fmt.Errorf("storage: stored document: %w", err)
	}
	if d == nil { // the stored text was "null"
		d = document{}
	}
	return d, nil
}

// set overwrites field name with v.
func (d document) set(name string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic("storage: marshal " + name + ": " + err.Error()) // only plain values are set
	}
	d[name] = b
}

// merge sets the fields of the object field name, keeping its other fields.
func (d document) merge(name string, fields map[string]any) {
	sub, err := parseDocument(string(d[name]))
	if err != nil {
		sub = document{}
	}
	for k, v := range fields {
		sub.set(k, v)
	}
	d.set(name, sub)
}

// instanceURL is the platform URL of an instance.
func (a *api) instanceURL(in store.Instance) string {
	return a.base + BasePath + "/instances/" + strconv.FormatInt(in.PartyID, 10) + "/" + in.GUID
}

// instanceView is the Altinn Instance JSON of in: its stored document with the
// columns that queries filter on laid over it, so that what a filter matched is
// what the client reads. elems become data[] unless nil.
func (a *api) instanceView(in store.Instance, elems []store.DataElement) (document, error) {
	d, err := parseDocument(in.Document)
	if err != nil {
		return nil, err
	}
	party := strconv.FormatInt(in.PartyID, 10)
	d.set("id", party+"/"+in.GUID)
	d.set("appId", in.AppID)
	d.set("org", in.Org)
	d.merge("instanceOwner", map[string]any{"partyId": party})
	d.merge("selfLinks", map[string]any{"platform": a.instanceURL(in)})
	status := map[string]any{"isArchived": in.IsArchived, "isSoftDeleted": in.IsSoftDeleted, "isHardDeleted": in.IsHardDeleted}
	for k, t := range map[string]*time.Time{"archived": in.ArchivedAt, "softDeleted": in.SoftDeletedAt, "hardDeleted": in.HardDeletedAt} {
		if t != nil {
			status[k] = t.UTC()
		}
	}
	d.merge("status", status)
	d.set("created", in.Created.UTC())
	d.set("createdBy", in.CreatedBy)
	d.set("lastChanged", in.LastChanged.UTC())
	d.set("lastChangedBy", in.LastChangedBy)
	if elems != nil {
		data := make([]document, 0, len(elems))
		for _, e := range elems {
			v, err := a.dataElementView(in, e)
			if err != nil {
				return nil, err
			}
			data = append(data, v)
		}
		d.set("data", data)
	}
	return d, nil
}

// dataElementView is the Altinn DataElement JSON of e, an element of in.
func (a *api) dataElementView(in store.Instance, e store.DataElement) (document, error) {
	d, err := parseDocument(e.Document)
	if err != nil {
		return nil, err
	}
	d.set("id", e.GUID)
	d.set("instanceGuid", in.GUID)
	d.set("dataType", e.DataType)
	d.set("contentType", e.ContentType)
	d.set("size", e.Size)
	d.set("locked", e.Locked)
	if e.Filename != "" {
		d.set("filename", e.Filename)
	}
	if _, ok := d["contentHash"]; !ok && e.SHA256 != "" {
		d.set("contentHash", e.SHA256) // lowercase hex SHA-256, the download's ETag
	}
	d.set("blobStoragePath", store.StoragePath(in.AppID, in.GUID, e.GUID)) // where Altinn keeps it; not this store's key
	d.merge("selfLinks", map[string]any{"platform": a.instanceURL(in) + "/data/" + e.GUID})
	d.set("created", e.Created.UTC())
	d.set("createdBy", e.CreatedBy)
	d.set("lastChanged", e.LastChanged.UTC())
	d.set("lastChangedBy", e.LastChangedBy)
	return d, nil
}
