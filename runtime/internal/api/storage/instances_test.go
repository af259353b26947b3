// SPDX-License-Identifier: MIT

package storage_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/apitest"
	"github.com/google/uuid"
)

func TestGetInstance(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		in := e.instance(500, "ttd/app", time.Now(), nil)
		d1 := e.data(in, "model", "", "application/xml", []byte("<a/>"))
		d2 := e.data(in, "attachment", "x.txt", "text/plain", []byte("hello"))
		path := "/storage/api/v1/instances/500/" + in.GUID

		r := e.do(http.MethodGet, path, e.owner("ttd"))
		var got wireDoc
		r.JSON(t, &got)
		if r.Status != http.StatusOK || got.ID != "500/"+in.GUID || got.InstanceOwner.PartyID != "500" || len(got.Data) != 2 {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		if x := got.Data[1]; x.ID != d2.GUID || x.Filename != "x.txt" || x.Size != 5 || x.ContentHash != d2.SHA256 ||
			len(x.Tags) != 1 || x.SelfLinks.Platform != e.url+path+"/data/"+d2.GUID ||
			x.BlobPath != "ttd/app/"+in.GUID+"/data/"+d2.GUID { // Altinn's path, not the store's key

			t.Fatalf("data element %+v", x)
		}
		if got.Data[0].ID != d1.GUID || got.Data[0].ContentType != "application/xml" {
			t.Fatalf("data element %+v", got.Data[0])
		}

		tests := []struct {
			name, path, token string
			status            int
			code              string
		}{
			{"no token", path, "", http.StatusUnauthorized, "unauthenticated"},
			{"end user", path, e.person(), http.StatusForbidden, "not_service_owner"},
			{"other org", path, e.owner("skd"), http.StatusForbidden, "forbidden"},
			{"unknown instance is 403 as Altinn", "/storage/api/v1/instances/500/" + uuid.NewString(), e.owner("ttd"), http.StatusForbidden, "forbidden"},
			{"bad guid", "/storage/api/v1/instances/500/nope", e.owner("ttd"), http.StatusBadRequest, "invalid_instance_id"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				apitest.WantProblem(t, e.do(http.MethodGet, tc.path, tc.token), tc.status, tc.code)
			})
		}
	})
}
