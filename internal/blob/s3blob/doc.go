// SPDX-License-Identifier: MIT

// Package s3blob is the blob.Store on any S3-compatible server (AWS, MinIO, Ceph,
// versitygw), using minio-go with path-style addressing.
//
// Put streams and learns the SHA-256 only at the end, but S3 takes user metadata
// when an upload starts. So:
//   - An object that fits in one part (Config.PartSize, 16 MiB by default) is
//     buffered and sent with a single PUT carrying its SHA-256 and content type.
//     One request, atomic, nothing to clean up on failure.
//   - A larger object is streamed as a multipart upload to a staging key under
//     ".blankett-staging/", then copied server-side onto the real key with the
//     metadata, then the staging object is deleted. Readers of the real key see the
//     old or the new object, never a partial one. A failed upload is aborted and
//     ListIncompleteUploads is checked, so nothing is left; a process crash can
//     still leave a staging object or upload behind, which is why operators should
//     give the bucket a lifecycle rule expiring ".blankett-staging/" after a day
//     and aborting incomplete multipart uploads. Keys under that prefix are
//     refused with blob.ErrInvalidKey and never listed.
//
// The price of the copy is one extra server-side write of objects above PartSize.
//
// List asks for metadata in the listing (a MinIO extension, WithMetadata); servers
// that ignore it (AWS, versitygw, gofakes3) cost one HEAD per listed object to fill
// in SHA-256 and content type.
package s3blob
