// SPDX-License-Identifier: MIT

package auth_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx/dbtest"
	"github.com/blankett/blankett/internal/devidp"
	"github.com/blankett/blankett/internal/testenv/webtest"
	"github.com/blankett/blankett/runtime/internal/web/auth"
)

// TestExternalProvider logs in outside dev mode against a provider on another server
// (the dev IdP standing in for ID-porten): no /devidp route, and the seed's
// organisations are not granted, since only dev mode trusts the seed.
func TestExternalProvider(t *testing.T) {
	idpSrv := httptest.NewUnstartedServer(nil)
	issuer := "http://" + idpSrv.Listener.Addr().String()
	e := newEnv(t, dbtest.SQLite(t), func(o *auth.Options) {
		p, err := devidp.New(devidp.Options{Issuer: issuer, Clients: []devidp.Client{{ID: "runtime", Secret: "s3cret",
			RedirectURIs: []string{o.PublicURL + auth.PathCallback}}}})
		if err != nil {
			t.Fatal(err)
		}
		idpSrv.Config.Handler = p.Handler()
		o.Dev = false
		o.OIDC = auth.OIDC{Issuer: issuer, ClientID: "runtime", ClientSecret: "s3cret", ACRValues: "idporten-loa-high"}
	})
	idpSrv.Start()
	t.Cleanup(idpSrv.Close)

	c := webtest.Client(t)
	me := callerOf(t, login(t, e, c, olaPID, "/whoami"))
	if me.Kind != auth.Person || me.PartyID != me.UserPartyID {
		t.Fatalf("caller %+v", me)
	}
	parties, err := e.store.PartiesFor(context.Background(), me.UserID)
	if err != nil || len(parties) != 1 {
		t.Fatalf("outside dev mode only the own party is known: %v %v", parties, err)
	}
	page := webtest.Do(t, c, http.MethodGet, e.url+"/parties", nil)
	if !strings.Contains(page.Body, "Deg selv: Ola Nordmann") || strings.Contains(page.Body, "Fiktiv Bakeri") {
		t.Fatalf("parties page:\n%s", page.Body)
	}
	if r := webtest.Do(t, c, http.MethodGet, e.url+"/devidp/.well-known/openid-configuration", nil); r.Status != http.StatusNotFound {
		t.Fatalf("/devidp outside dev mode: %d", r.Status)
	}
}
