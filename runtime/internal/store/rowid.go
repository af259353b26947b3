// SPDX-License-Identifier: MIT

package store

import "github.com/google/uuid"

// NewRowID returns a new id for a row that many transactions insert and no URL
// names on its own: instance events and CloudEvents. It is a time-ordered UUID
// (version 7), so that the rows a batch of transactions inserts land side by
// side at the end of their unique index rather than each in a leaf page of its
// own: with random (version 4) ids every insert rewrote a different index page,
// a third of the bytes SQLite wrote per submission. Instances and data elements
// keep random ids, which do not tell when they were made.
func NewRowID() string { return uuid.Must(uuid.NewV7()).String() }
