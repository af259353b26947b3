// SPDX-License-Identifier: MIT

// Package blob defines Store, the object storage used for attachments, form data and
// release bundles, with its sentinel errors and key rules. The fs and s3 subpackages
// implement it; blobtest holds the conformance suite every implementation must pass.
package blob
