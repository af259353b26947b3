// SPDX-License-Identifier: MIT

// Package deploy serves the runtime's deploy API: a service owner's machine
// client (or studio, acting as one) uploads a release bundle of an app, lists
// what is deployed, and takes versions out of service. The releases live in
// runtime/internal/apphost; this package is the HTTP edge in front of it.
//
// Routes (see Register):
//
//	GET    /runtime/api/v1/apps                                   the caller's org's releases
//	GET    /runtime/api/v1/apps/{org}/{app}/releases              one app's releases
//	PUT    /runtime/api/v1/apps/{org}/{app}/releases/{version}    upload a bundle (gzip'ed tar)
//	GET    /runtime/api/v1/apps/{org}/{app}/releases/{version}    one release, with its lint findings
//	DELETE /runtime/api/v1/apps/{org}/{app}/releases/{version}    undeploy; ?purge=true removes it
//
// Only bearer tokens are served, never browser sessions: a platform token with
// urn:altinn:org and the scope blankett:deploy (authz.ScopeDeploy), issued by the
// JWT grant to a machine client registered for that org. A client may touch only
// its own org's apps: any other org in the path is 403 before the body is read,
// and a bundle whose applicationmetadata.json names another app than the path is
// refused, so nothing of another org can change.
//
// The upload is idempotent per version: the same bytes again are 200 and make
// the version current again (a rollback), other bytes under a deployed version
// are 409. A bundle that is not a gzip'ed tar within the limits is 400 (413 when
// too large); an app that does not load or whose lint has errors is 422 with one
// entry in the problem's errors per finding. Purge refuses a version that is
// still active or that instances are pinned to (409), because those instances
// need its files for as long as they exist.
//
// Every error is problem+json with a stable code.
package deploy
