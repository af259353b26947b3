// SPDX-License-Identifier: MIT

// Package releases serves studio's release and deploy routes under
// /studio/api/v1/orgs/{org}/apps/{app}: list and create releases (Release
// right; lint errors are 422 with the findings, a taken version 409), and
// deploy, undeploy and show the environments (Deploy-<env> right to change,
// Read to look). Each handler decodes, authorises with account.Can, calls
// studio/internal/release and encodes.
package releases
