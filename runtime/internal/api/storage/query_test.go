// SPDX-License-Identifier: MIT

package storage_test

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/testenv/apitest"
	"github.com/blankett/blankett/runtime/internal/authz"
	"github.com/blankett/blankett/runtime/internal/store"
)

type page struct {
	Count     int       `json:"count"`
	Self      string    `json:"self"`
	Next      *string   `json:"next"`
	Instances []wireDoc `json:"instances"`
}

type wireDoc struct {
	ID                    string                   `json:"id"`
	AppID                 string                   `json:"appId"`
	Org                   string                   `json:"org"`
	LastChanged           time.Time                `json:"lastChanged"`
	PresentationTexts     map[string]string        `json:"presentationTexts"`
	InstanceOwner         struct{ PartyID string } `json:"instanceOwner"`
	CompleteConfirmations []struct {
		StakeholderID string    `json:"stakeholderId"`
		ConfirmedOn   time.Time `json:"confirmedOn"`
	} `json:"completeConfirmations"`
	Data []struct {
		ID          string                    `json:"id"`
		DataType    string                    `json:"dataType"`
		Filename    string                    `json:"filename"`
		ContentType string                    `json:"contentType"`
		Size        int64                     `json:"size"`
		ContentHash string                    `json:"contentHash"`
		BlobPath    string                    `json:"blobStoragePath"`
		Tags        []string                  `json:"tags"`
		SelfLinks   struct{ Platform string } `json:"selfLinks"`
	} `json:"data"`
}

func TestQueryPagesWithFilters(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		start := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
		var want []string // complete ttd/app instances, newest first
		for i := range 7 {
			at := start.Add(time.Duration(i/2) * time.Minute) // pairs share lastChanged: the id breaks ties
			in := e.instance(int64(500+i), "ttd/app", at, func(in *store.Instance) { in.IsComplete = true })
			want = append([]string{in.GUID}, want...)
		}
		e.instance(600, "ttd/app", start.Add(time.Minute), nil)                                                 // not complete
		e.instance(601, "ttd/other", start.Add(time.Minute), func(in *store.Instance) { in.IsComplete = true }) // other app
		e.instance(602, "skd/app", start.Add(time.Minute), func(in *store.Instance) { in.IsComplete = true })   // other org
		e.instance(603, "ttd/app", start.Add(-time.Hour), func(in *store.Instance) { in.IsComplete = true })    // too old

		tok := e.owner("ttd")
		q := url.Values{"appId": {"ttd/app"}, "process.isComplete": {"true"}, "size": {"2"},
			"lastChanged": {"gte:" + start.Format(time.RFC3339)}}
		next := e.url + "/storage/api/v1/instances?" + q.Encode()
		var got []string
		var counts []int
		for pages := 0; next != ""; pages++ {
			if pages > 10 {
				t.Fatal("paging does not end")
			}
			r := e.do(http.MethodGet, next, tok)
			if r.Status != http.StatusOK {
				t.Fatalf("page %d: %d %s", pages, r.Status, r.Body)
			}
			var p page
			r.JSON(t, &p)
			if p.Self != next {
				t.Fatalf("self = %s, want %s", p.Self, next)
			}
			counts = append(counts, p.Count)
			for _, in := range p.Instances {
				if in.AppID != "ttd/app" || in.Org != "ttd" || in.PresentationTexts["a"] != "b" || in.Data == nil {
					t.Fatalf("instance %+v", in)
				}
				got = append(got, in.ID[len(in.InstanceOwner.PartyID)+1:])
			}
			next = ""
			if p.Next != nil {
				next = *p.Next
			}
		}
		if !slices.Equal(counts, []int{2, 2, 2, 1}) || !slices.Equal(got, want) {
			t.Fatalf("pages %v, got %v\nwant %v", counts, got, want)
		}

		// Ascending order returns the same rows oldest first.
		q.Set("order", "asc:lastChanged")
		q.Set("size", "100")
		var p page
		e.do(http.MethodGet, "/storage/api/v1/instances?"+q.Encode(), tok).JSON(t, &p)
		slices.Reverse(want)
		if p.Count != 7 || p.Next != nil || p.Instances[0].ID[4:] != want[0] {
			t.Fatalf("ascending: %+v", p)
		}
	})
}

func TestQueryRefusals(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		e.instance(500, "ttd/app", time.Now(), nil)
		ttd := e.owner("ttd")
		tests := []struct {
			name, query, token string
			status             int
			code               string
		}{
			{"no token", "appId=ttd/app", "", http.StatusUnauthorized, "unauthenticated"},
			{"bad token", "appId=ttd/app", "nonsense", http.StatusUnauthorized, "invalid_token"},
			{"end user", "appId=ttd/app", e.person(), http.StatusForbidden, "not_service_owner"},
			{"wrong scope", "appId=ttd/app", e.owner("ttd", authz.ScopeServiceOwnerInstancesWrite), http.StatusForbidden, "insufficient_scope"},
			{"end-user scope", "appId=ttd/app", e.owner("ttd", authz.ScopeInstancesRead), http.StatusForbidden, "insufficient_scope"},
			{"other org's app", "appId=ttd/app", e.owner("skd"), http.StatusForbidden, "forbidden"},
			{"other org", "org=ttd", e.owner("skd"), http.StatusForbidden, "forbidden"},
			{"no org or app", "size=10", ttd, http.StatusBadRequest, "invalid_query"},
			{"bad appId", "appId=ttd", ttd, http.StatusBadRequest, "invalid_query"},
			{"appId of another org than org", "org=ttd&appId=skd/app", ttd, http.StatusBadRequest, "invalid_query"},
			{"bad date", "appId=ttd/app&lastChanged=gt:yesterday", ttd, http.StatusBadRequest, "invalid_query"},
			{"bad operator", "appId=ttd/app&created=after:2024-01-01", ttd, http.StatusBadRequest, "invalid_query"},
			{"bad bool", "appId=ttd/app&process.isComplete=maybe", ttd, http.StatusBadRequest, "invalid_query"},
			{"bad size", "appId=ttd/app&size=0", ttd, http.StatusBadRequest, "invalid_query"},
			{"bad party", "appId=ttd/app&instanceOwner.partyId=x", ttd, http.StatusBadRequest, "invalid_query"},
			{"bad order", "appId=ttd/app&order=desc:created", ttd, http.StatusBadRequest, "invalid_query"},
			{"garbled continuation token", "appId=ttd/app&continuationToken=!!!", ttd, http.StatusBadRequest, "invalid_query"},
			{"forged token", "appId=ttd/app&continuationToken=bm9wZQ", ttd, http.StatusBadRequest, "invalid_query"},
			{"unsupported filter", "appId=ttd/app&searchString=x", ttd, http.StatusBadRequest, "invalid_query"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				r := e.do(http.MethodGet, "/storage/api/v1/instances?"+tc.query, tc.token)
				apitest.WantProblem(t, r, tc.status, tc.code)
			})
		}
	})
}

func TestQueryOrgAndParties(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		e := newEnv(t, db)
		now := time.Now()
		a := e.instance(500, "ttd/app", now, nil)
		b := e.instance(501, "ttd/other", now.Add(time.Second), nil)
		e.instance(502, "ttd/other", now.Add(2*time.Second), nil)
		e.instance(500, "skd/app", now, nil)
		tok := e.owner("ttd")
		tests := []struct {
			query string
			want  []string
		}{
			{"org=ttd&instanceOwner.partyIds=500,501", []string{b.GUID, a.GUID}},
			{"org=ttd&instanceOwner.partyId=500", []string{a.GUID}},
			{"appId=ttd/other&instanceOwner.partyId=501&includeDataElements=false", []string{b.GUID}},
			{"org=ttd&process.currentTask=Task_2", nil},
		}
		for _, tc := range tests {
			var p page
			r := e.do(http.MethodGet, "/storage/api/v1/instances?"+tc.query, tok)
			r.JSON(t, &p)
			var got []string
			for _, in := range p.Instances {
				got = append(got, in.ID[4:])
			}
			if r.Status != http.StatusOK || !slices.Equal(got, tc.want) || p.Instances == nil {
				t.Fatalf("%s: %d %v, want %v", tc.query, r.Status, got, tc.want)
			}
		}
	})
}
