// SPDX-License-Identifier: MIT

// Package store is the runtime's persistence layer: gorm rows and goose migrations for
// instances, data elements, instance events, parties and users, machine clients,
// sessions and the outbox, on SQLite and PostgreSQL alike.
//
// Rows are store types, not API DTOs: the Altinn JSON documents (Instance, DataElement)
// travel in a text column beside the columns that queries filter and sort on, and the
// service layer converts in both directions. Every method takes a context first and
// returns ErrNotFound, ErrConflict or ErrDuplicate, wrapped with "store:", instead of
// driver errors. Store.Tx runs a change, its instance event and its outbox row in one
// transaction.
package store
