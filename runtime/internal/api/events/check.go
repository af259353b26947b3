// SPDX-License-Identifier: MIT

package events

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/events"
	"github.com/blankett/blankett/runtime/internal/store"
)

var (
	// name is an org code or app name as Altinn allows them.
	name        = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,99}$`)
	partySubjct = regexp.MustCompile(`^/party/[1-9][0-9]{0,18}$`)
)

// check turns req into a subscription (without owner) and lists what is wrong
// with it. The sourceFilter names the org and app: "{publicURL}/{org}/{app}".
func (a *api) check(req SubscriptionRequest) (store.Subscription, []httpx.FieldError) {
	var errs []httpx.FieldError
	add := func(field, code, detail string) {
		errs = append(errs, httpx.FieldError{Field: field, Code: code, Detail: detail})
	}
	u, err := url.Parse(req.EndPoint)
	switch {
	case req.EndPoint == "" || err != nil || u.Host == "" || len(req.EndPoint) > 2000:
		add("endPoint", FieldEndpointInvalid, "endPoint must be an absolute URL of at most 2000 characters.")
	case u.Scheme == "http" && !a.dev:
		add("endPoint", FieldEndpointInvalid, "endPoint must be https (http only in development mode).")
	case u.Scheme != "https" && u.Scheme != "http":
		add("endPoint", FieldEndpointInvalid, "endPoint must be an https URL.")
	}
	sub := store.Subscription{EndPoint: req.EndPoint, TypeFilter: req.TypeFilter, SubjectFilter: req.SubjectFilter}
	src := strings.TrimRight(req.SourceFilter, "/")
	rest, found := strings.CutPrefix(src, a.base+"/")
	org, app, two := strings.Cut(rest, "/")
	if !found || !two || !name.MatchString(org) || !name.MatchString(app) {
		add("sourceFilter", FieldSourceFilterInvalid, "sourceFilter must be "+a.base+"/{org}/{app}.")
	} else {
		sub.SourceFilter, sub.FilterOrg, sub.FilterApp = src, org, app
	}
	if req.TypeFilter != "" && events.CheckTypeFilter(req.TypeFilter) != nil {
		add("typeFilter", FieldTypeFilterInvalid, typeFilterRule("typeFilter"))
	}
	if req.SubjectFilter != "" && !partySubjct.MatchString(req.SubjectFilter) {
		add("subjectFilter", FieldSubjectFilterInvalid, "subjectFilter must be /party/{partyId}.")
	}
	return sub, errs
}

// typeFilterRule says what the type filter named param may be.
func typeFilterRule(param string) string {
	return param + " must be an event type such as app.instance.process.completed, * for all, or whole segments " +
		"followed by .* such as app.instance.process.movedTo.* (a * anywhere else is not allowed)."
}
