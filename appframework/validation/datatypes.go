// SPDX-License-Identifier: MIT

package validation

import (
	"mime"
	"strconv"
	"strings"
)

// dataTypes checks the elements of every data type bound to the task: how many there
// are, their content types and their sizes.
func (r *run) dataTypes() {
	if r.app.Metadata == nil {
		return
	}
	lang := r.in.Language
	for _, dt := range r.app.Metadata.DataTypes {
		if dt.TaskID == "" || dt.TaskID != r.in.TaskID {
			continue
		}
		name := dt.ID
		if d := dt.Description[orLang(lang)]; d != "" {
			name = d
		}
		n := 0
		for _, el := range r.in.Elements {
			if el.DataType != dt.ID {
				continue
			}
			n++
			if dt.AppLogic == nil && !contentTypeAllowed(dt.AllowedContentTypes, el.ContentType) {
				r.elementIssue(el.ID, CodeContentTypeRejected, message(lang, CodeContentTypeRejected, el.ContentType, name))
			}
			if dt.MaxSize != nil && float64(el.Size) > *dt.MaxSize*1024*1024 {
				r.elementIssue(el.ID, CodeElementTooLarge, message(lang, CodeElementTooLarge, el.Filename,
					strconv.FormatFloat(*dt.MaxSize, 'f', -1, 64)))
			}
		}
		if n < dt.MinCount {
			r.elementIssue("", CodeTooFewElements, message(lang, CodeTooFewElements, strconv.Itoa(dt.MinCount), name))
		}
		if dt.MaxCount > 0 && n > dt.MaxCount {
			r.elementIssue("", CodeTooManyElements, message(lang, CodeTooManyElements, strconv.Itoa(dt.MaxCount), name))
		}
	}
}

func (r *run) elementIssue(elementID, code, msg string) {
	r.issues = append(r.issues, Issue{Severity: Error, DataElementID: elementID, Code: code,
		Description: msg, Source: SourceDataType})
}

// contentTypeAllowed compares media types without parameters, case-insensitively;
// an empty list allows everything, and "application/octet-stream" in the list
// allows any type, as in Altinn.
func contentTypeAllowed(allowed []string, ct string) bool {
	if len(allowed) == 0 {
		return true
	}
	got, _, err := mime.ParseMediaType(ct)
	if err != nil {
		got = strings.ToLower(strings.TrimSpace(ct))
	}
	for _, a := range allowed {
		want, _, err := mime.ParseMediaType(a)
		if err != nil {
			want = strings.ToLower(a)
		}
		if want == got || want == "application/octet-stream" {
			return true
		}
	}
	return false
}

func orLang(lang string) string {
	if lang == "" {
		return "nb"
	}
	return lang
}
