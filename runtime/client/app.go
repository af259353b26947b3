// SPDX-License-Identifier: MIT

package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
)

// Part is a data element sent with Instantiate: DataType names the part, Body is
// streamed as it is read. Form data is XML or JSON (ContentType
// application/xml or application/json); a file needs Filename and one of the
// data type's allowed content types.
type Part struct {
	DataType    string
	ContentType string
	Filename    string
	Body        io.Reader
}

// PatchOp is one RFC 6902 operation. A nil Value is left out (for remove, move
// and copy); send an explicit null as json.RawMessage("null").
type PatchOp struct {
	Op    string `json:"op"`
	Path  string `json:"path"`
	From  string `json:"from,omitempty"`
	Value any    `json:"value,omitempty"`
}

// ElementPatch is a JSON Patch for one form data element.
type ElementPatch struct {
	DataElementID string    `json:"dataElementId"`
	Patch         []PatchOp `json:"patch"`
}

// ValidationIssue is Altinn's ValidationIssueWithSource; Severity 1 is an error
// that blocks process/next.
type ValidationIssue struct {
	Severity      int    `json:"severity"`
	DataElementID string `json:"dataElementId,omitempty"`
	Field         string `json:"field,omitempty"`
	Code          string `json:"code"`
	Description   string `json:"description"`
	Source        string `json:"source"`
}

// PatchResult is the answer to PatchData: the instance, each patched model as
// JSON, and the current task's validation issues by source.
type PatchResult struct {
	Instance      Instance `json:"instance"`
	NewDataModels []struct {
		DataElementID string          `json:"dataElementId"`
		Data          json.RawMessage `json:"data"`
	} `json:"newDataModels"`
	ValidationIssues []struct {
		Source string            `json:"source"`
		Issues []ValidationIssue `json:"issues"`
	} `json:"validationIssues"`
}

func appInstancePath(org, app, instanceID string) string {
	party, guid, _ := strings.Cut(instanceID, "/")
	return "/" + url.PathEscape(org) + "/" + url.PathEscape(app) + "/instances/" + url.PathEscape(party) + "/" + url.PathEscape(guid)
}

// Instantiate creates an instance of org/app owned by partyID with the parts as its
// first data elements, in one multipart request that the server applies all or
// nothing. The parts are streamed, so the call is not retried.
func (c *Client) Instantiate(ctx context.Context, org, app string, partyID int64, parts ...Part) (Instance, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		err := writeParts(mw, partyID, parts)
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	ref := "/" + url.PathEscape(org) + "/" + url.PathEscape(app) + "/instances"
	var in Instance
	err := c.sendApp(ctx, http.MethodPost, ref, mw.FormDataContentType(), pr, &in)
	pr.Close()
	if err != nil {
		return Instance{}, fmt.Errorf("instantiate %s/%s: %w", org, app, err)
	}
	return in, nil
}

func writeParts(mw *multipart.Writer, partyID int64, parts []Part) error {
	h := textproto.MIMEHeader{"Content-Disposition": {`form-data; name="instance"`}, "Content-Type": {"application/json"}}
	w, err := mw.CreatePart(h)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, `{"instanceOwner":{"partyId":%q}}`, strconv.FormatInt(partyID, 10)); err != nil {
		return err
	}
	for _, p := range parts {
		cd := map[string]string{"name": p.DataType}
		if p.Filename != "" {
			cd["filename"] = p.Filename
		}
		h := textproto.MIMEHeader{"Content-Disposition": {formatDisposition(cd)}, "Content-Type": {p.ContentType}}
		w, err := mw.CreatePart(h)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, p.Body); err != nil {
			return err
		}
	}
	return nil
}

func formatDisposition(params map[string]string) string {
	s := "form-data; name=" + strconv.Quote(params["name"])
	if f, ok := params["filename"]; ok {
		s += "; filename=" + strconv.Quote(f)
	}
	return s
}

// ApplicationMetadata returns the metadata document of org/app (Altinn's
// Application) from the app API. An app with no deployed version is an
// *APIError with Status 404 (Code "app_not_found" from a Blankett runtime).
func (c *Client) ApplicationMetadata(ctx context.Context, org, app string) (json.RawMessage, error) {
	var raw json.RawMessage
	ref := "/" + url.PathEscape(org) + "/" + url.PathEscape(app) + "/api/v1/applicationmetadata"
	if err := c.getJSON(ctx, ref, &raw); err != nil {
		return nil, fmt.Errorf("application metadata of %s/%s: %w", org, app, err)
	}
	return raw, nil
}

// PatchData applies JSON Patches to form data elements of the instance
// ("partyId/guid"), all or nothing. A failed test op is an *APIError with Status
// 409 and Code "patch_test_failed": read the data again and redo the change.
func (c *Client) PatchData(ctx context.Context, org, app, instanceID string, patches []ElementPatch, ignoredValidators ...string) (*PatchResult, error) {
	if ignoredValidators == nil {
		ignoredValidators = []string{}
	}
	body, err := json.Marshal(map[string]any{"patches": patches, "ignoredValidators": ignoredValidators})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	var res PatchResult
	if err := c.sendApp(ctx, http.MethodPatch, appInstancePath(org, app, instanceID)+"/data", "application/json", bytes.NewReader(body), &res); err != nil {
		return nil, fmt.Errorf("patch data of %s: %w", instanceID, err)
	}
	return &res, nil
}

// ProcessNext ends the current task with action ("" for the task type's
// default: write, sign, confirm, pay…) and returns the new process state.
func (c *Client) ProcessNext(ctx context.Context, org, app, instanceID, action string) (ProcessState, error) {
	var body io.Reader
	ct := ""
	if action != "" {
		b, _ := json.Marshal(map[string]string{"action": action})
		body, ct = bytes.NewReader(b), "application/json"
	}
	return c.process(ctx, http.MethodPut, appInstancePath(org, app, instanceID)+"/process/next", ct, body)
}

// ProcessStart starts the process of an instance that has not started it.
func (c *Client) ProcessStart(ctx context.Context, org, app, instanceID string) (ProcessState, error) {
	return c.process(ctx, http.MethodPost, appInstancePath(org, app, instanceID)+"/process/start", "", nil)
}

// CompleteProcess moves the process to its end with each task's default action.
func (c *Client) CompleteProcess(ctx context.Context, org, app, instanceID string) (ProcessState, error) {
	return c.process(ctx, http.MethodPut, appInstancePath(org, app, instanceID)+"/process/completeProcess", "", nil)
}

func (c *Client) process(ctx context.Context, method, ref, ct string, body io.Reader) (ProcessState, error) {
	var p ProcessState
	if err := c.sendApp(ctx, method, ref, ct, body, &p); err != nil {
		return ProcessState{}, fmt.Errorf("%s %s: %w", method, ref, err)
	}
	return p, nil
}

// DeleteInstance deletes the instance: to the recycle bin, or for good with hard.
func (c *Client) DeleteInstance(ctx context.Context, org, app, instanceID string, hard bool) (Instance, error) {
	var in Instance
	ref := appInstancePath(org, app, instanceID) + "?hard=" + strconv.FormatBool(hard)
	if err := c.sendApp(ctx, http.MethodDelete, ref, "", nil, &in); err != nil {
		return Instance{}, fmt.Errorf("delete instance %s: %w", instanceID, err)
	}
	return in, nil
}

// sendApp makes one authenticated request with body and decodes a 2xx answer
// into v. It is not retried: the app API's changes are not idempotent.
func (c *Client) sendApp(ctx context.Context, method, ref, contentType string, body io.Reader, v any) error {
	req, err := c.newRequest(ctx, method, ref)
	if err != nil {
		return err
	}
	if body != nil {
		req.Body = io.NopCloser(body)
		if r, ok := body.(*bytes.Reader); ok {
			req.ContentLength = int64(r.Len())
		} else {
			req.ContentLength = -1
		}
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Accept", "application/json")
	res, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode < 200 || res.StatusCode >= 300 {
		return decodeError(res)
	}
	return decodeBody(res, v)
}
