// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/internal/dbx/dbtest"
)

// TestCheckFile: Altinn's upload rules for a binary (DataRestrictionValidation
// in app-lib), on a type that accepts PDF and images unless said otherwise.
func TestCheckFile(t *testing.T) {
	images := []string{"application/pdf", "image/png", "image/jpeg"}
	for _, tc := range []struct {
		name, file, ct string
		allowed        []string
		want           string // the problem code, "" for accepted
	}{
		{"matching type", "rapport.pdf", "application/pdf", images, ""},
		{"parameters and case", "Bilde.JPG", "image/jpeg; charset=binary", images, ""},
		{"octet-stream always passes as the header", "rapport.pdf", "application/octet-stream", images, ""},
		{"no extension", "rapport", "application/pdf", images, CodeFileNameFormat},
		{"only a dot", "rapport.", "application/pdf", images, CodeFileNameFormat},
		{"a dot file has no extension", ".pdf", "application/pdf", images, CodeFileNameFormat},
		{"no extension, no list", "rapport", "application/pdf", nil, CodeFileNameFormat},
		{"header and extension disagree", "rapport.pdf", "image/png", images, CodeContentTypeRejected},
		{"a type the list lacks", "notat.txt", "text/plain", images, CodeContentTypeRejected},
		{"octet-stream for a type the list lacks", "notat.txt", "application/octet-stream", images, CodeContentTypeRejected},
		{"a list that allows octet-stream takes anything", "notat.txt", "text/plain", []string{"application/octet-stream"}, ""},
		{"unknown extension: the header decides", "scan.pdfa", "application/pdf", images, ""},
		{"unknown extension, header not listed", "scan.xyz", "text/plain", images, CodeContentTypeRejected},
		{"no header", "rapport.pdf", "", images, CodeContentTypeRejected},
		{"no header, no list", "rapport.pdf", "", nil, CodeContentTypeRejected},
		{"a header that does not read", "rapport.pdf", "pdf;;", images, CodeContentTypeRejected},
		{"no list: any extension and type", "notat.txt", "application/pdf", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := checkFile(tc.allowed, tc.file, tc.ct)
			var e *Error
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want != "" && (!errors.As(err, &e) || e.Code != tc.want):
				t.Fatalf("err = %v, want %s", err, tc.want)
			case tc.want == CodeContentTypeRejected && !errors.Is(err, ErrUnsupportedMediaType):
				t.Fatalf("err = %v, want a 415", err)
			case tc.want == CodeFileNameFormat && !errors.Is(err, ErrInvalid):
				t.Fatalf("err = %v, want a 400", err)
			}
		})
	}
}

// TestUploadRulesApply: CreateData applies checkFile (a name without an
// extension is refused; octet-stream is taken as the header of a PDF).
func TestUploadRulesApply(t *testing.T) {
	dbtest.Run(t, func(t *testing.T, db *dbx.DB) {
		ctx := context.Background()
		a := setupFilesApp(t, db)
		svc, c := a.svc, a.c
		snap, _ := a.newInstance(t)
		up := func(name, ct string) Upload {
			return Upload{ContentType: ct, Filename: name, Length: -1, Body: strings.NewReader("%PDF-1.4\n%%EOF\n")}
		}
		var e *Error
		if _, err := svc.CreateData(ctx, c, snap, "Vedlegg", up("rapport", "application/pdf")); !errors.As(err, &e) || e.Code != CodeFileNameFormat {
			t.Fatalf("no extension: %v, want %s", err, CodeFileNameFormat)
		}
		if _, err := svc.CreateData(ctx, c, snap, "Vedlegg", up("rapport.pdf", "application/octet-stream")); err != nil {
			t.Fatalf("a PDF sent as application/octet-stream: %v", err)
		}
	})
}
