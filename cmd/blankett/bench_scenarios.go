// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/loadtest"
)

// benchTarget sends the scenarios' requests to a local runtime as the seeded
// end user, for the seeded organisation.
type benchTarget struct {
	hc      *http.Client
	base    string // URL/{org}/{app}
	party   string
	auth    map[string]string
	xmlBody []byte
	xmlHdr  map[string]string
	// pageHdr carries the browser session cookie the forms UI wants.
	pageHdr map[string]string
	// pages are form-page URLs of instances made before the page scenario.
	pages []string
}

func newBenchTarget(rt *localRuntime, a *benchApp, hc *http.Client, token string) *benchTarget {
	auth := map[string]string{"Authorization": "Bearer " + token}
	return &benchTarget{hc: hc, base: rt.URL + "/" + a.Org + "/" + a.Name, party: strconv.FormatInt(rt.seed.OrgPartyID, 10),
		auth: auth, xmlHdr: map[string]string{"Authorization": auth["Authorization"], "Content-Type": "application/xml"},
		pageHdr: map[string]string{"Accept": "text/html"}}
}

// useSession makes the page scenario send the browser session cookie session.
func (t *benchTarget) useSession(session string) {
	t.pageHdr["Cookie"] = authn.InsecureSessionCookieName + "=" + session
}

// benchInstance is the part of an instance the scenarios read.
type benchInstance struct {
	ID   string `json:"id"`
	Data []struct {
		ID       string `json:"id"`
		DataType string `json:"dataType"`
	} `json:"data"`
}

// instantiate creates one instance for the organisation.
func (t *benchTarget) instantiate(ctx context.Context) (benchInstance, error) {
	var in benchInstance
	b, err := loadtest.Do(ctx, t.hc, http.MethodPost, t.base+"/instances?instanceOwnerPartyId="+t.party, nil, http.StatusCreated, t.auth)
	if err != nil {
		return in, err
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return in, fmt.Errorf("instance: %w", err)
	}
	if len(in.Data) == 0 {
		return in, fmt.Errorf("instance %s has no form data element", in.ID)
	}
	return in, nil
}

// submit is a complete submission: instantiate, PUT the form data, process/next
// (which validates it and ends the data task).
func (t *benchTarget) submit(ctx context.Context) error {
	in, err := t.instantiate(ctx)
	if err != nil {
		return err
	}
	ip := t.base + "/instances/" + in.ID
	if err := loadtest.Expect(ctx, t.hc, http.MethodPut, ip+"/data/"+in.Data[0].ID, t.xmlBody, http.StatusCreated, t.xmlHdr); err != nil {
		return err
	}
	return loadtest.Expect(ctx, t.hc, http.MethodPut, ip+"/process/next", nil, http.StatusOK, t.auth)
}

// pageURL is the forms UI's page of instance id ("party/guid").
func (t *benchTarget) pageURL(id string) string {
	return t.base + "/instance/" + id
}

// probePage makes n instances and checks that the forms UI serves their page;
// the reason it does not is returned as a skip note.
func (t *benchTarget) probePage(ctx context.Context, n int) (string, error) {
	in, err := t.instantiate(ctx)
	if err != nil {
		return "", err
	}
	res, err := t.get(ctx, t.pageURL(in.ID))
	if err != nil {
		return "", err
	}
	res.Body.Close()
	if ct := res.Header.Get("Content-Type"); res.StatusCode != http.StatusOK || !strings.HasPrefix(ct, "text/html") {
		note := fmt.Sprintf("GET %s answers %d %s", strings.TrimPrefix(t.pageURL(in.ID), t.base), res.StatusCode, ct)
		if loc := res.Header.Get("Location"); loc != "" {
			note += " → " + loc
		}
		return note, nil
	}
	t.pages = append(t.pages[:0], t.pageURL(in.ID))
	for len(t.pages) < n {
		in, err := t.instantiate(ctx)
		if err != nil {
			return "", err
		}
		t.pages = append(t.pages, t.pageURL(in.ID))
	}
	return "", nil
}

func (t *benchTarget) get(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	for k, v := range t.pageHdr {
		req.Header.Set(k, v)
	}
	return t.hc.Do(req)
}

// page GETs client's instance's form page, as a browser with a session does.
func (t *benchTarget) page(ctx context.Context, client int) error {
	return loadtest.Expect(ctx, t.hc, http.MethodGet, t.pages[client%len(t.pages)], nil, http.StatusOK, t.pageHdr)
}
