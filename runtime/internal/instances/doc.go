// SPDX-License-Identifier: MIT

// Package instances is the runtime's instance service: it creates instances of a
// deployed app, stores their data elements, validates their tasks and moves them
// through the process, without any HTTP. The transport layer (runtime/internal/api/app)
// authorises each request first and then calls here.
//
// Every change follows the storage rules: a data element's content is written to the
// blob store first (streamed, size-limited, hashed), then its row, the instance's new
// state and the instance events commit in one store transaction; when the row cannot
// be written the blob is deleted again. Instances are changed with optimistic
// concurrency, so of two concurrent process/next calls one wins and the other gets
// ErrConflict.
//
// Documents are Altinn's JSON shapes (Instance, DataElement, ProcessState). Form data
// is stored in its data type's content type, XML unless the type lists JSON first, and
// accepted as XML or JSON through datamodels.
//
// Errors are *Error values wrapping one of the sentinels (ErrNotFound, ErrInvalid,
// ErrConflict, ErrTooLarge, ErrUnsupportedMediaType) with a stable code; a
// *ValidationError (wrapping ErrConflict) carries the issues that block process/next.
package instances
