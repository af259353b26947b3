// SPDX-License-Identifier: MIT

package deploy

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/web/auth"
	"github.com/gin-gonic/gin"
)

// Stable problem codes of the deploy API.
const (
	CodeUnauthenticated   = auth.CodeUnauthenticated
	CodeNotServiceOwner   = auth.CodeNotServiceOwner
	CodeInsufficientScope = auth.CodeInsufficientScope
	CodeOtherOrg          = "forbidden"
	CodeReleaseNotFound   = "release_not_found"
	CodeInvalidName       = "invalid_name"
	CodeInvalidBundle     = "invalid_bundle"
	CodeBundleTooLarge    = "bundle_too_large"
	CodeUnsupportedType   = "unsupported_content_type"
	CodeInvalidApp        = "invalid_app"
	CodeBundleAppMismatch = "bundle_app_mismatch"
	CodeReleaseExists     = "release_exists"
	CodeReleaseActive     = "release_active"
	CodeReleaseInUse      = "release_in_use"
	CodeInvalidQuery      = "invalid_query"
)

// maxFindings caps the lint findings in a problem.
const maxFindings = 100

// fail answers an error from the app host. The sentinels are the client's
// fault and are answered with their message, which names only what the client
// sent; anything else is logged and answered without its cause.
func (a *api) fail(c *gin.Context, op string, err error) {
	var le *apphost.LintError
	switch {
	case errors.As(err, &le):
		p := httpx.NewProblem(http.StatusUnprocessableEntity, CodeInvalidApp, fmt.Sprintf(
			"The app has %d lint errors; fix them and deploy again (blankett app lint shows the same findings).", len(le.Findings)))
		// A broken app can have thousands; the first ones are enough to start on.
		for _, f := range le.Findings[:min(len(le.Findings), maxFindings)] {
			p.Errors = append(p.Errors, httpx.FieldError{Field: f.Location(), Code: f.Code, Detail: f.Message})
		}
		httpx.AbortProblem(c, p)
	case errors.Is(err, apphost.ErrInvalidApp):
		httpx.Abort(c, http.StatusUnprocessableEntity, CodeInvalidApp, err.Error())
	case errors.Is(err, apphost.ErrTooLarge):
		httpx.Abort(c, http.StatusRequestEntityTooLarge, CodeBundleTooLarge, err.Error())
	case errors.Is(err, apphost.ErrBundle):
		httpx.Abort(c, http.StatusBadRequest, CodeInvalidBundle, err.Error())
	case errors.Is(err, apphost.ErrWrongApp):
		httpx.Abort(c, http.StatusUnprocessableEntity, CodeBundleAppMismatch, err.Error())
	case errors.Is(err, apphost.ErrConflict):
		httpx.Abort(c, http.StatusConflict, CodeReleaseExists, err.Error())
	case errors.Is(err, apphost.ErrInvalidArgument):
		httpx.Abort(c, http.StatusBadRequest, CodeInvalidName, err.Error())
	case errors.Is(err, apphost.ErrNotFound):
		httpx.Abort(c, http.StatusNotFound, CodeReleaseNotFound, "No such release is deployed here.")
	default:
		a.log.ErrorContext(c.Request.Context(), "deploy api: "+op, "error", err,
			"requestId", httpx.RequestIDFrom(c.Request.Context()))
		httpx.Abort(c, http.StatusInternalServerError, httpx.CodeInternal, "Something went wrong on our side.")
	}
}
