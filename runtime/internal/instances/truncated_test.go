// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// brokenBody gives its text, then fails as a connection that broke off does.
func brokenBody(text string) io.Reader {
	return io.MultiReader(strings.NewReader(text), iotestErr{io.ErrUnexpectedEOF})
}

type iotestErr struct{ err error }

func (e iotestErr) Read([]byte) (int, error) { return 0, e.err }

// onePart is a multipart instantiation with a single data part.
type onePart struct{ p *Part }

func (o *onePart) Next() (*Part, error) {
	if o.p == nil {
		return nil, io.EOF
	}
	p := o.p
	o.p = nil
	return p, nil
}

// TestTruncatedBody: a request body that breaks off before its end is the
// caller's fault (400 request_body_incomplete), not a server error, for a file,
// for form data and for a part of a multipart instantiation; nothing is stored.
func TestTruncatedBody(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		a := setupFilesApp(t, db)
		svc, c := a.svc, a.c
		newInstance := func(t *testing.T) *Snapshot { snap, _ := a.newInstance(t); return snap }
		pdf := Upload{ContentType: "application/pdf", Filename: "a.pdf", Length: -1, Body: brokenBody("%PDF-1.4\n% half a file")}
		form := Upload{ContentType: "application/xml", Length: -1, Body: brokenBody("<?xml version=\"1.0\"?><skjema><a>")}
		for _, tc := range []struct {
			name string
			do   func(t *testing.T) (elements int, err error)
			want int // elements the instance has after the request
		}{
			{"a file", func(t *testing.T) (int, error) {
				snap := newInstance(t)
				_, err := svc.CreateData(ctx, c, snap, "Vedlegg", pdf)
				return count(t, svc, snap), err
			}, 1},
			{"form data", func(t *testing.T) (int, error) {
				snap := newInstance(t)
				_, err := svc.ReplaceData(ctx, c, snap, snap.elements[0].GUID, form)
				return count(t, svc, snap), err
			}, 1},
			{"a multipart part", func(t *testing.T) (int, error) {
				req := a.request()
				req.Parts = &onePart{&Part{Name: "Vedlegg", Upload: pdf}}
				_, err := svc.Instantiate(ctx, c, req)
				return 0, err
			}, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				pdf.Body = brokenBody("%PDF-1.4\n% half a file")
				form.Body = brokenBody("<?xml version=\"1.0\"?><skjema><a>")
				n, err := tc.do(t)
				var e *Error
				if !errors.Is(err, ErrInvalid) || !errors.As(err, &e) || e.Code != CodeBodyIncomplete {
					t.Fatalf("err = %v, want ErrInvalid %s", err, CodeBodyIncomplete)
				}
				if n != tc.want {
					t.Fatalf("the instance has %d elements, want %d", n, tc.want)
				}
			})
		}
	})
}

// count returns how many data elements snap's instance has now.
func count(t *testing.T, svc *Service, snap *Snapshot) int {
	t.Helper()
	now, err := svc.Get(context.Background(), Ref{Org: snap.Release.Org, App: snap.Release.Name, PartyID: snap.row.PartyID, GUID: snap.row.GUID})
	if err != nil {
		t.Fatal(err)
	}
	return len(now.elements)
}

// TestEmptyFormBody: an empty PUT of form data is refused (400) and the form
// keeps its content, while creating an element with no body gives an empty
// model, as Altinn's POST does.
func TestEmptyFormBody(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		a := setupFilesApp(t, db)
		svc, c := a.svc, a.c
		snap, ref := a.newInstance(t)
		form := snap.elements[0]
		for _, tc := range []struct{ name, ct, body, code string }{
			{"no bytes, XML", "application/xml", "", CodeDeserializeXML},
			{"white space, JSON", "application/json", " \n", CodeDeserializeJSON},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := svc.ReplaceData(ctx, c, snap, form.GUID, Upload{ContentType: tc.ct, Length: int64(len(tc.body)), Body: strings.NewReader(tc.body)})
				var e *Error
				if !errors.Is(err, ErrInvalid) || !errors.As(err, &e) || e.Code != tc.code {
					t.Fatalf("err = %v, want ErrInvalid %s", err, tc.code)
				}
				now, err := svc.Get(ctx, ref)
				if err != nil {
					t.Fatal(err)
				}
				if el, err := now.Element(form.GUID); err != nil || now.blobKey(el.ID) != form.BlobKey {
					t.Fatalf("the form's content moved from %s (%v)", form.BlobKey, err)
				}
			})
		}
	})
}
