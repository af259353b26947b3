// SPDX-License-Identifier: MIT

// Package bundle writes and reads release bundles: the gzip'ed tar of an app
// repository's files that the runtime's deploy API takes. Both the service
// owners' client (runtime/client, `blankett deploy`) and studio's releases
// write them, so the same files give the same bytes — and the same SHA-256 —
// whichever tool packed them.
package bundle
