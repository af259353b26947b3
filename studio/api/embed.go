// SPDX-License-Identifier: MIT

package api

import (
	_ "embed"
	"net/http"
)

//go:embed openapi.yaml
var spec []byte

// Path is where studio serves the document.
const Path = "/studio/api/openapi.yaml"

// ContentType is the media type the document is served with.
const ContentType = "application/yaml; charset=utf-8"

// Spec returns the OpenAPI document. The slice is shared; callers must not modify it.
func Spec() []byte { return spec }

// Handler serves the document with a short public cache lifetime.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", ContentType)
		w.Header().Set("Cache-Control", "public, max-age=300")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(spec)
	})
}
