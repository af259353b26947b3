// SPDX-License-Identifier: MIT

// Package fsblob is the filesystem blob.Store, the default for single-machine
// installs. Every file access goes through an os.Root opened on the data
// directory, so no key, symlink or rename can reach outside it.
//
// Layout under the data directory:
//
//	objects/<key>   the content, a plain file (operators can read and back it up)
//	.meta/<key>     JSON sidecar: SHA-256, content type, size and mtime of the object
//	.tmp/           uploads in progress; never listed, cleaned when stale
//
// A Put streams into .tmp, fsyncs, writes the sidecar, then renames the sidecar
// and the object into place and fsyncs the object's directory entries. The sidecar records the
// size and mtime of the object file it describes; a reader that finds them
// disagreeing (it raced a Put from another process, or a crash fell between the two
// renames) retries briefly and finally recomputes the SHA-256 from the content, so
// Info always describes the bytes actually returned. Within one process a striped
// lock makes the two renames appear as one step to readers.
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
// directory fsyncs of concurrent Puts are grouped, so the app folder every new
// instance goes into is synced once per batch, not once per Put; and the sidecar
// is never synced, because a sidecar lost to a power failure is recomputed from
// the content like any stale one (its content type then reads
// application/octet-stream; the runtime keeps the real one in its database row).
// SyncNone skips fsync: safe against process crashes, not power loss.
package fsblob
