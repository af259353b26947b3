// SPDX-License-Identifier: MIT

package client_test

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blankett/blankett/runtime/client"
	"github.com/blankett/blankett/runtime/client/clienttest"
)

func newEd25519(t *testing.T) (crypto.PublicKey, crypto.Signer) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return pub, priv
}

// setup starts a fake with instances and a client for it.
func setup(t *testing.T, opts ...client.Option) (*clienttest.Server, *client.Client) {
	t.Helper()
	pub, priv := newEd25519(t)
	srv := clienttest.New(t, "ttd", "ttd-client", pub)
	c, err := client.New(srv.URL, append([]client.Option{client.WithClientKey("ttd-client", priv),
		client.WithRetry(2, time.Millisecond)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

func TestTokenKeyTypes(t *testing.T) {
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	edPub, edKey := newEd25519(t)
	tests := []struct {
		name string
		pub  crypto.PublicKey
		key  crypto.Signer
	}{
		{"Ed25519", edPub, edKey},
		{"RSA", &rsaKey.PublicKey, rsaKey},
		{"EC P-256", &ecKey.PublicKey, ecKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			der, err := x509.MarshalPKCS8PrivateKey(tt.key)
			if err != nil {
				t.Fatal(err)
			}
			key, err := client.ParsePrivateKeyPEM(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
			if err != nil {
				t.Fatal(err)
			}
			srv := clienttest.New(t, "ttd", "c1", tt.pub)
			c, err := client.New(srv.URL, client.WithClientKey("c1", key))
			if err != nil {
				t.Fatal(err)
			}
			for range 3 {
				if _, err := c.Token(context.Background()); err != nil {
					t.Fatal(err)
				}
			}
			if n := srv.TokenRequests(); n != 1 {
				t.Errorf("token requests = %d, want 1 (cached)", n)
			}
		})
	}
}

func TestTokenRefused(t *testing.T) {
	_, other := newEd25519(t)
	pub, own := newEd25519(t)
	srv := clienttest.New(t, "ttd", "c1", pub)
	tests := []struct {
		name, clientID, code string
		key                  crypto.Signer
		opts                 []client.Option
	}{
		{"unknown client", "nobody", "invalid_client", own, nil},
		{"wrong key", "c1", "invalid_grant", other, nil},
		{"scope not allowed", "c1", "invalid_scope", own, []client.Option{client.WithScopes("altinn:other")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := client.New(srv.URL, append([]client.Option{client.WithClientKey(tt.clientID, tt.key)}, tt.opts...)...)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Token(context.Background())
			var ae *client.APIError
			if !errors.Is(err, client.ErrToken) || !errors.As(err, &ae) || ae.Code != tt.code {
				t.Fatalf("err = %v, want ErrToken with code %s", err, tt.code)
			}
		})
	}
}

func TestTokenExpiryRefetches(t *testing.T) {
	srv, c := setup(t)
	srv.TokenTTL = time.Second // refreshed after 90 %
	ctx := context.Background()
	if _, err := c.Token(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(950 * time.Millisecond)
	if _, err := c.Token(ctx); err != nil {
		t.Fatal(err)
	}
	if n := srv.TokenRequests(); n != 2 {
		t.Errorf("token requests = %d, want 2", n)
	}
}

func instances(n int, ended bool) []*clienttest.Instance {
	var out []*clienttest.Instance
	for i := range n {
		out = append(out, &clienttest.Instance{PartyID: int64(500 + i), GUID: guid(i), AppID: "ttd/app", Ended: ended,
			Data: []clienttest.Data{{ID: guid(100 + i), DataType: "model", ContentType: "application/xml",
				Content: []byte(strings.Repeat("<a>x</a>", 100+i))}}})
	}
	return out
}

func guid(i int) string {
	return "00000000-0000-4000-8000-" + strings.Repeat("0", 12-len(itoa(i))) + itoa(i)
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func TestInstancesFollowsNext(t *testing.T) {
	tests := []struct {
		name      string
		n, size   int
		wantPages int
	}{
		{"empty", 0, 2, 1},
		{"one partial page", 1, 2, 1},
		{"full last page", 4, 2, 3}, // next after a full page, then an empty page
		{"several pages", 5, 2, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := setup(t)
			srv.Add(instances(tt.n, true)...)
			seen := map[string]bool{}
			for in, err := range c.Instances(context.Background(), client.Query{AppID: "ttd/app", Size: tt.size}) {
				if err != nil {
					t.Fatal(err)
				}
				if seen[in.ID] || len(in.Data) != 1 || in.Data[0].ContentHash == "" || len(in.Raw) == 0 {
					t.Fatalf("bad or repeated instance %+v", in)
				}
				seen[in.ID] = true
			}
			if len(seen) != tt.n {
				t.Errorf("got %d instances, want %d", len(seen), tt.n)
			}
			if got := len(srv.Requests()); got != tt.wantPages {
				t.Errorf("pages fetched = %d, want %d", got, tt.wantPages)
			}
		})
	}
}

func TestAPIErrorsAndRetries(t *testing.T) {
	tests := []struct {
		name      string
		status    int
		call      func(*client.Client) error
		wantCalls int
	}{
		{"500 on GET is retried", 500, func(c *client.Client) error {
			_, err := c.Instance(context.Background(), "500", guid(0))
			return err
		}, 3},
		{"429 on query is retried", 429, func(c *client.Client) error {
			_, err := c.QueryInstances(context.Background(), client.Query{AppID: "ttd/app"})
			return err
		}, 3},
		{"403 is not retried", 403, func(c *client.Client) error {
			_, err := c.Instance(context.Background(), "500", guid(0))
			return err
		}, 1},
		{"complete is not retried", 503, func(c *client.Client) error {
			_, err := c.Complete(context.Background(), "500", guid(0))
			return err
		}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := setup(t)
			srv.Add(instances(1, true)...)
			srv.Fail = func(*http.Request) int { return tt.status }
			err := tt.call(c)
			var ae *client.APIError
			if !errors.As(err, &ae) || ae.Status != tt.status || ae.Code == "" || ae.TraceID != "trace-1" {
				t.Fatalf("err = %#v, want *APIError %d with code and trace id", err, tt.status)
			}
			if got := len(srv.Requests()); got != tt.wantCalls {
				t.Errorf("calls = %d, want %d", got, tt.wantCalls)
			}
		})
	}
}

func TestInstanceAndComplete(t *testing.T) {
	srv, c := setup(t)
	srv.Add(instances(2, true)...)
	ctx := context.Background()
	in, err := c.Instance(ctx, "501", guid(1))
	if err != nil || in.PartyID() != "501" || in.GUID() != guid(1) {
		t.Fatalf("Instance = %+v, %v", in, err)
	}
	if _, err := c.Complete(ctx, in.PartyID(), in.GUID()); err != nil {
		t.Fatal(err)
	}
	var left []string
	for in, err := range c.Instances(ctx, client.Query{AppID: "ttd/app", ExcludeConfirmedBy: "ttd"}) {
		if err != nil {
			t.Fatal(err)
		}
		left = append(left, in.ID)
	}
	if len(left) != 1 || left[0] != "500/"+guid(0) {
		t.Errorf("unconfirmed = %v", left)
	}
	_, err = c.Instance(ctx, "999", guid(1))
	var ae *client.APIError
	if !errors.As(err, &ae) || ae.Status != 403 || ae.Code != "forbidden" {
		t.Errorf("foreign instance: %v", err)
	}
}

func TestDownloadData(t *testing.T) {
	content := []byte(strings.Repeat("0123456789", 1000))
	tests := []struct {
		name     string
		prefix   []byte
		corrupt  bool
		cut      int
		wantErr  error
		restart  bool
		wantRngs int
	}{
		{name: "whole"},
		{name: "resume", prefix: content[:4321], wantRngs: 1},
		{name: "resume complete file", prefix: content},
		{name: "stale prefix longer than content", prefix: append(append([]byte{}, content...), 'x'), restart: true},
		{name: "broken stream resumes", cut: 4000, wantRngs: 2},
		{name: "corrupted", corrupt: true, wantErr: client.ErrHashMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := setup(t)
			srv.Add(&clienttest.Instance{PartyID: 1, GUID: guid(1), AppID: "ttd/app",
				Data: []clienttest.Data{{ID: guid(2), ContentType: "text/plain", Content: content}}})
			srv.Corrupt = map[string]bool{guid(2): tt.corrupt}
			srv.CutAfter, srv.Cut = tt.cut, map[string]bool{guid(2): true}
			in, err := c.Instance(context.Background(), "1", guid(1))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "f")
			if err := os.WriteFile(path, tt.prefix, 0o600); err != nil {
				t.Fatal(err)
			}
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			off, _ := f.Seek(0, 2)
			res, err := c.DownloadData(context.Background(), in.Data[0], f, off)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || !res.Verified || res.Restarted != tt.restart {
				t.Fatalf("res = %+v, err = %v", res, err)
			}
			got, _ := os.ReadFile(path)
			if string(got) != string(content) {
				t.Fatalf("content differs: %d bytes", len(got))
			}
			rngs := 0
			for _, r := range srv.Requests() {
				if strings.Contains(r, "bytes=") {
					rngs++
				}
			}
			if rngs != tt.wantRngs {
				t.Errorf("range requests = %d, want %d (%v)", rngs, tt.wantRngs, srv.Requests())
			}
		})
	}
}

// TestPagingWhileConfirming: instances confirmed while the listing is read
// page by page, as blankett download --confirm does, neither shift nor hide the
// rest (the fake's token is a keyset position, as the real API's is).
func TestPagingWhileConfirming(t *testing.T) {
	srv, c := setup(t)
	srv.PageSize = 2
	for i := range 5 {
		srv.Add(&clienttest.Instance{PartyID: 500, GUID: fmt.Sprintf("00000000-0000-4000-8000-00000000000%d", i),
			AppID: "ttd/app", Ended: true})
	}
	ctx := context.Background()
	seen := 0
	for in, err := range c.Instances(ctx, client.Query{AppID: "ttd/app", ExcludeConfirmedBy: "ttd"}) {
		if err != nil {
			t.Fatal(err)
		}
		seen++
		if _, err := c.Complete(ctx, in.PartyID(), in.GUID()); err != nil {
			t.Fatal(err)
		}
	}
	if seen != 5 {
		t.Fatalf("the listing gave %d of 5 instances", seen)
	}
}
