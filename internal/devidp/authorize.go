// SPDX-License-Identifier: MIT

package devidp

import (
	_ "embed"
	"html/template"
	"net/http"
	"net/url"
	"strings"
)

//go:embed authorize.html
var authorizeHTML string

// authParams are the request parameters carried from the page to the form post.
func authParams() []string {
	return []string{"response_type", "client_id", "redirect_uri", "scope", "state", "nonce",
		"code_challenge", "code_challenge_method"}
}

type pageUser struct {
	Name, PID, Roles string
}

type pageData struct {
	ClientID, Action, ACR string
	Params                map[string]string
	Users                 []pageUser
}

// authorizePage validates the request and shows the test-user picker. The page is a plain
// form, so it works without JavaScript and with screen readers.
func (p *Provider) authorizePage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if !p.checkAuthRequest(w, r, q) {
		return
	}
	data := pageData{ClientID: q.Get("client_id"), Action: p.base + "/authorize", ACR: firstACR(q.Get("acr_values")),
		Params: map[string]string{}}
	for _, k := range authParams() {
		data.Params[k] = q.Get(k)
	}
	for _, u := range p.seed.Users {
		var roles []string
		for _, ra := range p.seed.RolesOf(u.PID) {
			org, _ := p.seed.Organisation(ra.OrgNumber)
			roles = append(roles, strings.Join(ra.Roles, ", ")+" for "+org.Name)
		}
		data.Users = append(data.Users, pageUser{Name: u.Name, PID: u.PID, Roles: strings.Join(roles, "; ")})
	}
	// Parsing per request keeps the package free of globals; this is a dev-only page.
	tmpl, err := template.New("authorize").Parse(authorizeHTML)
	if err != nil {
		http.Error(w, "template error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
	_ = tmpl.Execute(w, data)
}

// authorizeSubmit issues a code for the picked user and redirects back to the client.
func (p *Provider) authorizeSubmit(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	q := r.PostForm
	if !p.checkAuthRequest(w, r, q) {
		return
	}
	user, ok := p.seed.UserByPID(q.Get("user"))
	if !ok {
		http.Error(w, "unknown test user", http.StatusBadRequest)
		return
	}
	acr := q.Get("acr")
	if acr != acrHigh {
		acr = acrSubstantial
	}
	now := p.now()
	code, ok := p.codes.put(grant{clientID: q.Get("client_id"), redirectURI: q.Get("redirect_uri"),
		challenge: q.Get("code_challenge"), nonce: q.Get("nonce"), scope: q.Get("scope"), acr: acr,
		user: user, authTime: now}, now)
	if !ok {
		redirectError(w, r, q, p.issuer, "temporarily_unavailable")
		return
	}
	redirectWith(w, r, q.Get("redirect_uri"), url.Values{"code": {code}, "state": {q.Get("state")}, "iss": {p.issuer}})
}

// checkAuthRequest validates an authorization request. Client and redirect URI problems
// are shown as a page (never redirect to an unregistered URI); the rest go back to the
// client as OAuth errors.
func (p *Provider) checkAuthRequest(w http.ResponseWriter, r *http.Request, q url.Values) bool {
	if _, ok := p.client(q.Get("client_id"), q.Get("redirect_uri")); !ok {
		http.Error(w, "unknown client_id or unregistered redirect_uri", http.StatusBadRequest)
		return false
	}
	switch {
	case q.Get("response_type") != "code":
		redirectError(w, r, q, p.issuer, "unsupported_response_type")
	case !hasScope(q.Get("scope"), "openid"):
		redirectError(w, r, q, p.issuer, "invalid_scope")
	case q.Get("code_challenge_method") != "S256" || len(q.Get("code_challenge")) != 43:
		// PKCE is mandatory, and only S256: plain would let a stolen code be redeemed.
		redirectError(w, r, q, p.issuer, "invalid_request")
	default:
		return true
	}
	return false
}

func redirectError(w http.ResponseWriter, r *http.Request, q url.Values, issuer, code string) {
	v := url.Values{"error": {code}, "iss": {issuer}}
	if s := q.Get("state"); s != "" {
		v.Set("state", s)
	}
	redirectWith(w, r, q.Get("redirect_uri"), v)
}

func redirectWith(w http.ResponseWriter, r *http.Request, target string, v url.Values) {
	u, err := url.Parse(target)
	if err != nil {
		http.Error(w, "bad redirect_uri", http.StatusBadRequest)
		return
	}
	q := u.Query()
	for k, vs := range v {
		q[k] = vs
	}
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusSeeOther)
}

func hasScope(scopes, want string) bool {
	for _, s := range strings.Fields(scopes) {
		if s == want {
			return true
		}
	}
	return false
}

func firstACR(values string) string {
	for _, v := range strings.Fields(values) {
		if AuthLevel(v) > 0 {
			return v
		}
	}
	return acrSubstantial
}
