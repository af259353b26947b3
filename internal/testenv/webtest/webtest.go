// SPDX-License-Identifier: MIT

package webtest

import (
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Page is one answer, read whole, with the URL it was finally served from.
type Page struct {
	Status int
	Body   string
	URL    *url.URL
	Header http.Header
}

// Client returns an HTTP client with a cookie jar that follows redirects.
func Client(t testing.TB) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: 20 * time.Second}
}

// Do sends a request with c, with form (nil: none) as a URL-encoded body and the
// header pairs given, and reads the answer.
func Do(t testing.TB, c *http.Client, method, u string, form url.Values, header ...string) Page {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return Page{Status: resp.StatusCode, Body: string(b), URL: resp.Request.URL, Header: resp.Header}
}

var hiddenInput = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`)

// DevLogin runs the dev IdP's browser flow: it gets u, which must lead to the dev
// IdP's login page, picks the test user pid at level substantial, posts the form
// with its hidden fields, and returns the page the flow lands on.
func DevLogin(t testing.TB, c *http.Client, u, pid string) Page {
	t.Helper()
	page := Do(t, c, http.MethodGet, u, nil)
	if page.Status != http.StatusOK || !strings.Contains(page.Body, "Testinnlogging") {
		t.Fatalf("login page: %d at %s\n%.500s", page.Status, page.URL, page.Body)
	}
	form := url.Values{"user": {pid}, "acr": {"idporten-loa-substantial"}}
	for _, m := range hiddenInput.FindAllStringSubmatch(page.Body, -1) {
		form.Set(m[1], html.UnescapeString(m[2]))
	}
	return Do(t, c, http.MethodPost, page.URL.String(), form)
}
