// SPDX-License-Identifier: MIT

package storage

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/blankett/blankett/runtime/internal/store"
)

// Page sizes of the query: Altinn's default, and the store's cap.
const (
	DefaultPageSize = 100
	MaxPageSize     = 1000
)

// queryError is a bad query parameter; its message is safe to show.
type queryError struct{ msg string }

func (e *queryError) Error() string { return e.msg }

func badParam(format string, args ...any) error {
	return &queryError{msg: fmt.Sprintf(format, args...)}
}

// unsupported are Altinn query parameters this server cannot filter on yet.
// Ignoring a filter would hand the client instances it asked to leave out, so
// these are refused instead.
var unsupported = []string{"process.ended", "visibleAfter", "dueBefore", "A3Ref", "dataValues.A2ArchRef",
	"searchString", "mainVersionInclude", "mainVersionExclude", "instanceOwner.identifier"}

// listQuery is a decoded instance query.
type listQuery struct {
	store.InstanceQuery
	IncludeData bool
}

// parseQuery decodes Altinn's instance query parameters for a service owner of
// org. It checks that the query names org or one of its apps; another org is
// errForeignOrg. Names are matched without regard to case, as ASP.NET matches
// them; unknown parameters are ignored, as Altinn does.
func parseQuery(v url.Values, org string) (listQuery, error) {
	q := listQuery{IncludeData: true}
	q.Size = DefaultPageSize
	v, err := canonicalQuery(v)
	if err != nil {
		return q, err
	}
	for _, name := range unsupported {
		if v.Has(name) {
			return q, badParam("The parameter %s is not supported.", name)
		}
	}
	q.Org, q.AppID = v.Get("org"), v.Get("appId")
	if err := checkScope(q.Org, q.AppID, org); err != nil {
		return q, err
	}
	if q.PartyIDs, err = partyIDs(v); err != nil {
		return q, err
	}
	q.CurrentTask = v.Get("process.currentTask")
	for name, dst := range map[string]**bool{"process.isComplete": &q.IsComplete, "status.isArchived": &q.IsArchived,
		"status.isSoftDeleted": &q.IsSoftDeleted, "status.isHardDeleted": &q.IsHardDeleted} {
		if *dst, err = boolParam(v, name); err != nil {
			return q, err
		}
	}
	if q.LastChanged, err = dates(v, "lastChanged"); err != nil {
		return q, err
	}
	if q.Created, err = dates(v, "created"); err != nil {
		return q, err
	}
	if err = confirmation(v, &q.InstanceQuery, org); err != nil {
		return q, err
	}
	if err = paging(v, &q); err != nil {
		return q, err
	}
	return q, nil
}

// errForeignOrg means the query names another org or another org's app.
var errForeignOrg = badParam("You may query only your own organisation's apps.")

func checkScope(org, appID, caller string) error {
	if org == "" && appID == "" {
		return badParam("Give org or appId.")
	}
	if appID != "" {
		appOrg, app, ok := strings.Cut(appID, "/")
		if !ok || appOrg == "" || app == "" || strings.Contains(app, "/") {
			return badParam("appId must be {org}/{app}.")
		}
		if org != "" && appOrg != org {
			return badParam("appId belongs to another org than org.")
		}
		org = appOrg
	}
	if org != caller {
		return errForeignOrg
	}
	return nil
}

func partyIDs(v url.Values) ([]int64, error) {
	var out []int64
	for _, name := range []string{"instanceOwner.partyId", "instanceOwner.partyIds"} {
		for _, s := range v[name] {
			for part := range strings.SplitSeq(s, ",") {
				id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64)
				if err != nil || id <= 0 {
					return nil, badParam("%s must be a party id.", name)
				}
				out = append(out, id)
			}
		}
	}
	return out, nil
}

func boolParam(v url.Values, name string) (*bool, error) {
	s := v.Get(name)
	if s == "" {
		return nil, nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return nil, badParam("%s must be true or false.", name)
	}
	return &b, nil
}

// dates parses every value of a repeatable date parameter, which together give
// a range (lastChanged=gt:…&lastChanged=lt:…).
func dates(v url.Values, name string) ([]store.DateFilter, error) {
	var out []store.DateFilter
	for _, s := range v[name] {
		f, err := store.ParseDateFilter(s)
		if err != nil {
			return nil, badParam("Invalid date expression for %s: use [gt:|gte:|lt:|lte:|eq:]yyyy-MM-dd or an ISO 8601 time.", name)
		}
		out = append(out, f)
	}
	return out, nil
}

// confirmation maps excludeConfirmedBy and confirmed. confirmed=false is
// "not confirmed by the owner org", the same as excludeConfirmedBy={org}.
func confirmation(v url.Values, q *store.InstanceQuery, org string) error {
	q.ExcludeConfirmedBy = v.Get("excludeConfirmedBy")
	confirmed, err := boolParam(v, "confirmed")
	switch {
	case err != nil:
		return err
	case confirmed == nil:
	case *confirmed:
		return badParam("confirmed=true is not supported; use confirmed=false or excludeConfirmedBy.")
	case q.ExcludeConfirmedBy != "" && q.ExcludeConfirmedBy != org:
		return badParam("confirmed=false cannot be combined with excludeConfirmedBy of another stakeholder.")
	default:
		q.ExcludeConfirmedBy = org
	}
	if q.ExcludeConfirmedBy == org && q.Org == "" {
		// The store takes the fast path (confirmed = false) only when it knows the org.
		q.Org = org
	}
	return nil
}

func paging(v url.Values, q *listQuery) error {
	if s := v.Get("size"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return badParam("size must be a positive number.")
		}
		q.Size = min(n, MaxPageSize)
	}
	q.ContinuationToken = v.Get("continuationToken")
	switch o := strings.ToLower(v.Get("order")); o {
	case "", "desc:lastchanged":
	case "asc:lastchanged":
		q.Ascending = true
	default:
		return badParam("order must be asc:lastChanged or desc:lastChanged.")
	}
	inc, err := boolParam(v, "includeDataElements")
	if inc != nil {
		q.IncludeData = *inc
	}
	return err
}
