// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateOp is a comparison in an instance query's date filter.
type DateOp string

// The date operators of the Altinn instance query ("lastChanged=gt:2024-01-01").
const (
	OpGT  DateOp = "gt"
	OpGTE DateOp = "gte"
	OpLT  DateOp = "lt"
	OpLTE DateOp = "lte"
	OpEQ  DateOp = "eq"
)

// DateFilter is one date condition; several on the same field give a range.
type DateFilter struct {
	Op   DateOp
	Time time.Time
}

// ParseDateFilter parses an Altinn date expression such as "gt:2024-01-01" or
// "2024-01-01T10:00:00Z" (no operator means eq). Dates without a zone are UTC.
func ParseDateFilter(expr string) (DateFilter, error) {
	op, value := OpEQ, expr
	if o, v, ok := strings.Cut(expr, ":"); ok {
		switch DateOp(o) {
		case OpGT, OpGTE, OpLT, OpLTE, OpEQ:
			op, value = DateOp(o), v
		}
	}
	t, err := ParseTime(value)
	if err != nil {
		return DateFilter{}, fmt.Errorf("%w: date expression %q", ErrInvalid, expr)
	}
	return DateFilter{Op: op, Time: t}, nil
}

// ParseTime reads a time in one of the forms dateLayouts lists; one without a
// zone is UTC.
func ParseTime(s string) (time.Time, error) {
	for _, layout := range dateLayouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%w: time %q", ErrInvalid, s)
}

// dateLayouts are the forms ParseDateFilter takes, as .NET's DateTime binding
// takes them: RFC 3339 (any fraction), an offset without a colon, no zone
// (UTC), no seconds, and a bare date.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999-0700", "2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02"}

// sql is the condition on column and its argument. Stored times have
// microseconds, so a filter time with a finer part is moved onto that grid
// with the operator that keeps the answer exact: gte t is gt its microsecond,
// lt t is lte it, and eq t matches nothing.
func (f DateFilter) sql(column string) (string, []any, error) {
	ops := map[DateOp]string{OpGT: ">", OpGTE: ">=", OpLT: "<", OpLTE: "<=", OpEQ: "="}
	sym, ok := ops[f.Op]
	if !ok {
		return "", nil, fmt.Errorf("%w: date operator %q", ErrInvalid, f.Op)
	}
	t := ts(f.Time)
	if !t.Equal(f.Time) {
		switch f.Op {
		case OpGTE:
			sym = ">"
		case OpLT:
			sym = "<="
		case OpEQ:
			return "1 = 0", nil, nil
		}
	}
	return column + " " + sym + " ?", []any{t}, nil
}

// InstanceQuery is the service-owner instance query (Altinn §3.2). Empty fields do not
// filter; the API layer enforces that Org or AppID is set.
type InstanceQuery struct {
	Org, AppID                               string
	PartyIDs                                 []int64
	CurrentTask                              string
	IsComplete                               *bool
	IsArchived, IsSoftDeleted, IsHardDeleted *bool
	LastChanged, Created                     []DateFilter
	// ExcludeConfirmedBy drops instances that this stakeholder has confirmed.
	ExcludeConfirmedBy string
	// Size is the page size: default 100, at most 1000.
	Size int
	// ContinuationToken resumes after the last row of the previous page.
	ContinuationToken string
	// Ascending orders by oldest change first; the default is newest first, as Altinn.
	Ascending bool
}

// InstancePage is one page of a query. ContinuationToken is empty on the last page.
type InstancePage struct {
	Instances         []Instance
	ContinuationToken string
}

// QueryInstances runs q with keyset paging on (last_changed, id): each page continues
// strictly after the previous page's last row, so rows inserted or changed meanwhile
// never shift the pages (no OFFSET).
func (s *Store) QueryInstances(ctx context.Context, q InstanceQuery) (InstancePage, error) {
	size := q.Size
	if size <= 0 {
		size = 100
	}
	size = min(size, 1000)
	g := s.db(ctx).Model(&Instance{})
	if q.Org != "" {
		g = g.Where("org = ?", q.Org)
	}
	if q.AppID != "" {
		g = g.Where("app_id = ?", q.AppID)
	}
	if len(q.PartyIDs) > 0 {
		g = g.Where("party_id IN ?", q.PartyIDs)
	}
	if q.CurrentTask != "" {
		g = g.Where("current_task = ?", q.CurrentTask)
	}
	for col, v := range map[string]*bool{"is_complete": q.IsComplete, "is_archived": q.IsArchived,
		"is_soft_deleted": q.IsSoftDeleted, "is_hard_deleted": q.IsHardDeleted} {
		if v != nil {
			g = g.Where(col+" = ?", *v)
		}
	}
	for col, fs := range map[string][]DateFilter{"last_changed": q.LastChanged, "created": q.Created} {
		for _, f := range fs {
			cond, args, err := f.sql(col)
			if err != nil {
				return InstancePage{}, err
			}
			g = g.Where(cond, args...)
		}
	}
	switch {
	case q.ExcludeConfirmedBy == "":
	case q.ExcludeConfirmedBy == q.Org:
		g = g.Where("confirmed = ?", false) // the partial index path
	default:
		g = g.Where("NOT EXISTS (SELECT 1 FROM instance_confirmations c WHERE c.instance_id = instances.id AND c.stakeholder_id = ?)", q.ExcludeConfirmedBy)
	}
	cmp, dir := "<", "DESC"
	if q.Ascending {
		cmp, dir = ">", "ASC"
	}
	if q.ContinuationToken != "" {
		at, id, err := decodeToken(q.ContinuationToken)
		if err != nil {
			return InstancePage{}, err
		}
		g = g.Where("(last_changed "+cmp+" ? OR (last_changed = ? AND id "+cmp+" ?))", at, at, id)
	}
	var rows []Instance
	if err := g.Order("last_changed " + dir + ", id " + dir).Limit(size + 1).Find(&rows).Error; err != nil {
		return InstancePage{}, wrap("query instances", err)
	}
	page := InstancePage{Instances: rows}
	if len(rows) > size {
		page.Instances = rows[:size]
		last := rows[size-1]
		page.ContinuationToken = encodeToken(last.LastChanged, last.ID)
	}
	return page, nil
}

// The token is "{unix microseconds};{id}", base64url: opaque to clients, short, and
// exact at the precision the engines store.
func encodeToken(at time.Time, id int64) string {
	raw := strconv.FormatInt(ts(at).UnixMicro(), 10) + ";" + strconv.FormatInt(id, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func decodeToken(tok string) (time.Time, int64, error) {
	bad := fmt.Errorf("%w: continuation token %q", ErrInvalid, tok)
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil {
		return time.Time{}, 0, bad
	}
	a, b, ok := strings.Cut(string(raw), ";")
	micros, err1 := strconv.ParseInt(a, 10, 64)
	id, err2 := strconv.ParseInt(b, 10, 64)
	if !ok || err1 != nil || err2 != nil {
		return time.Time{}, 0, bad
	}
	return time.UnixMicro(micros).UTC(), id, nil
}
