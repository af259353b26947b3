// SPDX-License-Identifier: MIT

// Package release keeps studio's releases and deploys. A release is an
// immutable bundle (internal/bundle: the gzip'ed tar of the app's files) of
// one commit, made only when lint finds no errors, under a version that is
// also created as a git tag; a deploy uploads a release's bundle to an
// environment's runtime through a Runtime (studio/internal/deploy) and is
// recorded, failed or not, so the studio can show who deployed what and when.
//
// Tables (migration 10 of the studio set): studio_releases, studio_release_bundles
// (the bytes, apart, so listing releases never reads them) and studio_deploys.
package release
