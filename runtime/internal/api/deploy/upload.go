// SPDX-License-Identifier: MIT

package deploy

import (
	"fmt"
	"mime"
	"net/http"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// bundleTypes are the content types a bundle may be sent with, or none at all.
// The form type is what curl --data-binary sends unless told otherwise; the
// bundle is checked by its content anyway.
var bundleTypes = map[string]bool{
	"application/gzip": true, "application/x-gzip": true, "application/x-tar": true,
	"application/octet-stream": true, "application/x-www-form-urlencoded": true,
}

// upload deploys the bundle in the body as org/app@version: 201 for a new
// release, 200 when the same bytes were deployed before (made current again).
func (a *api) upload(c *gin.Context) {
	org, app, version := c.Param("org"), c.Param("app"), c.Param("version")
	if ct := c.GetHeader("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || !bundleTypes[mt] {
			httpx.Abort(c, http.StatusUnsupportedMediaType, CodeUnsupportedType,
				"Send the bundle (a gzip'ed tar of the app repository) as application/gzip.")
			return
		}
	}
	if max := a.host.Limits().MaxBundleSize; c.Request.ContentLength > max {
		// Refused before reading, so a client does not upload for nothing.
		httpx.Abort(c, http.StatusRequestEntityTooLarge, CodeBundleTooLarge, fmt.Sprintf("The bundle is larger than the limit of %d bytes.", max))
		return
	}
	_, before := a.host.Info(org, app, version)
	caller := auth.CallerFrom(c.Request.Context())
	rel, err := a.host.Deploy(c.Request.Context(), c.Request.Body, apphost.DeployMeta{Version: version, By: caller.ClientID, Org: org, App: app})
	if err != nil {
		a.fail(c, "deploy", err)
		return
	}
	in, err := a.host.Info(org, app, version)
	if err != nil {
		a.fail(c, "deploy", err)
		return
	}
	a.log.InfoContext(c.Request.Context(), "release deployed", "app", rel.ID, "version", rel.Version,
		"sha256", rel.SHA256, "size", rel.Size, "by", caller.ClientID, "warnings", in.Warnings)
	status := http.StatusCreated
	if before == nil {
		status = http.StatusOK
	}
	c.Header("Location", BasePath+"/"+org+"/"+app+"/releases/"+version)
	c.JSON(status, detailOf(in, rel))
}
