// SPDX-License-Identifier: MIT

package storage

import (
	"errors"
	"net/url"
	"testing"
)

func TestParseQuery(t *testing.T) {
	t.Parallel()
	tests := []struct {
		query string
		check func(listQuery) bool
		err   string // "" ok, "foreign", or "bad"
	}{
		{"appId=ttd/a", func(q listQuery) bool {
			return q.AppID == "ttd/a" && q.Size == DefaultPageSize && q.IncludeData && !q.Ascending
		}, ""},
		{"org=ttd&size=5000", func(q listQuery) bool { return q.Size == MaxPageSize }, ""},
		{"org=ttd&lastChanged=gt:2024-01-01&lastChanged=lt:2024-02-01", func(q listQuery) bool { return len(q.LastChanged) == 2 }, ""},
		{"org=ttd&process.isComplete=true&status.isArchived=false", func(q listQuery) bool {
			return q.IsComplete != nil && *q.IsComplete && q.IsArchived != nil && !*q.IsArchived && q.IsSoftDeleted == nil
		}, ""},
		{"appId=ttd/a&confirmed=false", func(q listQuery) bool { return q.ExcludeConfirmedBy == "ttd" && q.Org == "ttd" }, ""},
		{"appId=ttd/a&excludeConfirmedBy=ttd", func(q listQuery) bool { return q.Org == "ttd" }, ""},
		{"org=ttd&instanceOwner.partyIds=1,2&instanceOwner.partyId=3", func(q listQuery) bool { return len(q.PartyIDs) == 3 }, ""},
		{"org=ttd&order=asc:lastChanged&includeDataElements=false", func(q listQuery) bool { return q.Ascending && !q.IncludeData }, ""},
		{"org=ttd&process.endEvent=x&unknown=1", nil, ""},
		{"APPID=ttd/a&process.iscomplete=true&LASTCHANGED=gt:2030-01-01&Order=ASC:LastChanged&SIZE=7", func(q listQuery) bool {
			return q.AppID == "ttd/a" && q.IsComplete != nil && *q.IsComplete && len(q.LastChanged) == 1 && q.Ascending && q.Size == 7
		}, ""},
		{"org=ttd&lastChanged=gt:2024-01-01&lastchanged=lt:2024-02-01", func(q listQuery) bool { return len(q.LastChanged) == 2 }, ""},
		{"org=ttd&searchstring=x", nil, "bad"},
		{"org=ttd&excludeConfirmedBy=skd&excludeConfirmedBy=ttd", nil, "bad"},
		{"org=ttd&process.isComplete=true&process.iscomplete=false", nil, "bad"},
		{"org=ttd&size=5&size=6", nil, "bad"},
		{"org=ttd&continuationtoken=abc&continuationToken=def", nil, "bad"},
		{"org=skd", nil, "foreign"},
		{"ORG=skd", nil, "foreign"},
		{"appId=skd/a", nil, "foreign"},
		{"", nil, "bad"},
		{"appId=/a", nil, "bad"},
		{"appId=ttd/a/b", nil, "bad"},
		{"org=ttd&confirmed=true", nil, "bad"},
		{"org=ttd&confirmed=false&excludeConfirmedBy=skd", nil, "bad"},
		{"org=ttd&dueBefore=2024-01-01", nil, "bad"},
		{"org=ttd&size=-1", nil, "bad"},
		{"org=ttd&includeDataElements=yes", nil, "bad"},
	}
	for _, tc := range tests {
		v, err := url.ParseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		q, err := parseQuery(v, "ttd")
		var qe *queryError
		switch {
		case tc.err == "foreign" && errors.Is(err, errForeignOrg):
		case tc.err == "bad" && errors.As(err, &qe) && !errors.Is(err, errForeignOrg):
		case tc.err == "" && err == nil && (tc.check == nil || tc.check(q)):
		default:
			t.Errorf("parseQuery(%q) = %+v, %v; want %s", tc.query, q, err, tc.err)
		}
	}
}
