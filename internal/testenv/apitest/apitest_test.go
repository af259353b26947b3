// SPDX-License-Identifier: MIT

package apitest_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/internal/testenv/apitest"
)

func TestSendAndProblem(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", httpx.ProblemContentType)
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"title":"Not Found","status":404,"code":"nope","path":"` + r.URL.Path + `"}`))
	}))
	t.Cleanup(srv.Close)
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/x", nil)
	if err != nil {
		t.Fatal(err)
	}
	r := apitest.Send(t, req)
	if r.Status != http.StatusNotFound || r.ProblemCode() != "nope" {
		t.Fatalf("got %d %q: %s", r.Status, r.ProblemCode(), r.Body)
	}
	var v struct{ Path string }
	if r.JSON(t, &v); v.Path != "/x" {
		t.Errorf("path %q", v.Path)
	}
	if p := apitest.WantProblem(t, r, http.StatusNotFound, "nope"); p.Title != "Not Found" {
		t.Errorf("problem %+v", p)
	}
	if (apitest.Response{Body: []byte(`[]`)}).ProblemCode() != "" {
		t.Error("a body without a code has a code")
	}
}
