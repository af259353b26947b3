// SPDX-License-Identifier: MIT

// Package fsblob is the filesystem blob.Store, the default for single-machine
// installs. Every file access goes through an os.Root opened on the data
// directory, so no key, symlink or rename can reach outside it.
//
// Layout under the data directory:
//
//	objects/<key>   the content, a plain file (operators can read and back it up),
//	                with its SHA-256, size and content type in the extended
//	                attribute user.blankett.blob
//	.meta/<key>     JSON sidecar with the same metadata plus the object's mtime,
//	                only where the file system has no user extended attributes
//	                (and for objects older versions wrote)
//	.tmp/           sidecars being written and Ping's probe; cleaned when stale
//
// A Put streams into a temp file beside its destination (objects/<dir>/.fsblob-*,
// a name no key may end in; List skips such files and removes them once a day
// old), sets the metadata attribute, fsyncs, renames the file into place within
// its folder and fsyncs the directory entries. Keeping the upload in its own
// folder means one rename within a directory and no folder all concurrent
// uploads contend for; the attribute moves and syncs with the inode, so it always
// describes the bytes beside it, and needs no second file, rename or directory
// tree. Reads take the attribute when its size matches the file (else the file
// was rewritten in place by hand) and otherwise fall back to the sidecar.
//
// Where the sidecar is used, it records the size and mtime of the object file it
// describes; a reader that finds them disagreeing (it raced a Put from another
// process, or a crash fell between the two renames) retries briefly and finally
// recomputes the SHA-256 from the content, so Info always describes the bytes
// actually returned. Within one process a striped lock makes the two renames
// appear as one step to readers.
//
// Keys map to paths one to one, so as on versitygw's posix backend a key cannot be
// both an object and a "directory": with "a/b" stored, Put("a") fails (and the
// reverse). Delete prunes directories it leaves empty so the name becomes free again.
// A key segment longer than the filesystem's name limit (255 bytes on most) is
// reported as blob.ErrInvalidKey.
//
// Durability (Sync, the --blob-fs-sync setting): with SyncFull, the default, Put
// returns only when the content and every directory entry naming it are on stable
// storage, so the database row written after it never outlives its blob, even on
// power loss. The cost is kept down three ways: directories known to exist (and
// to be durable) are remembered, so a Put creates and syncs only what changed;
// directory fsyncs of concurrent Puts are grouped, so a folder many new keys go
// into is synced once per batch, not once per Put; and a sidecar
// is never synced, because a sidecar lost to a power failure is recomputed from
// the content like any stale one (its content type then reads
// application/octet-stream; the runtime keeps the real one in its database row).
// The extended attribute is synced with the file at no extra cost.
// SyncNone skips fsync: safe against process crashes, not power loss.
package fsblob
