// SPDX-License-Identifier: MIT

package instances

import (
	"fmt"
	"mime"
	"path"
	"slices"
	"strings"
)

const octetStream = "application/octet-stream"

// extTypes are the media types of common attachment file extensions. They are
// fixed here, not read from the host's mime.types, so that an upload is judged
// the same on every machine.
var extTypes = map[string]string{
	".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".tif": "image/tiff", ".tiff": "image/tiff", ".bmp": "image/bmp",
	".webp": "image/webp", ".heic": "image/heic", ".svg": "image/svg+xml",
	".txt": "text/plain", ".csv": "text/csv", ".xml": "application/xml", ".json": "application/json",
	".htm": "text/html", ".html": "text/html", ".rtf": "application/rtf", ".zip": "application/zip",
	".doc": "application/msword", ".xls": "application/vnd.ms-excel", ".ppt": "application/vnd.ms-powerpoint",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".odt":  "application/vnd.oasis.opendocument.text", ".ods": "application/vnd.oasis.opendocument.spreadsheet",
	".odp": "application/vnd.oasis.opendocument.presentation",
	".msg": "application/vnd.ms-outlook", ".eml": "message/rfc822",
	".mp3": "audio/mpeg", ".mp4": "video/mp4",
}

// extType is the media type a file name's extension names, "" when unknown.
func extType(ext string) string { return extTypes[strings.ToLower(ext)] }

// checkFile applies Altinn's upload rules for a binary element
// (DataRestrictionValidation) to its file name and Content-Type: the name has an
// extension; where the type lists allowedContentTypes, the Content-Type is the
// type the extension names (application/octet-stream always passes as the
// header), and the file's type is in the list, unless the list allows
// application/octet-stream. An extension of no known type is judged by the
// header alone.
func checkFile(allowed []string, filename, contentType string) error {
	ext := path.Ext(filename)
	if ext == "" || ext == "." || ext == filename {
		return fail(ErrInvalid, CodeFileNameFormat, "the file name %q needs an extension, such as .pdf", filename)
	}
	if contentType == "" {
		return rejected("a file needs a Content-Type header")
	}
	if len(allowed) == 0 {
		return nil
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return rejected("Content-Type %q does not read as a media type", contentType)
	}
	want := extType(ext)
	if mt != octetStream && want != "" && mt != want {
		return rejected("the file name %q says %s, but Content-Type says %s", filename, want, mt)
	}
	got := want
	if got == "" {
		got = mt
	}
	if !slices.Contains(allowed, got) && !slices.Contains(allowed, octetStream) {
		return rejected("%s files are not accepted here; accepted: %s", got, strings.Join(allowed, ", "))
	}
	return nil
}

func rejected(format string, a ...any) error {
	return &Error{Kind: ErrUnsupportedMediaType, Code: CodeContentTypeRejected, Title: "Unsupported content type",
		Detail: fmt.Sprintf(format, a...)}
}
