// SPDX-License-Identifier: MIT

package store

import (
	"github.com/blankett/blankett/internal/dbx"
	"gorm.io/gorm"
)

// Migrations returns the store's migrations of the "runtime" set, numbered from 2
// (version 1 is the installation table). Released migrations are never edited: a schema
// change is a new migration with its own frozen structs.
func Migrations() []dbx.Migration {
	return []dbx.Migration{
		{Version: 2, Name: "instances", Up: migrateInstances},
		{Version: 3, Name: "data elements", Up: migrateDataElements},
		{Version: 4, Name: "instance events", Up: migrateEvents},
		{Version: 5, Name: "parties users roles clients sessions", Up: migrateParties},
		{Version: 6, Name: "outbox", Up: migrateOutbox},
		{Version: 7, Name: "cloud events and subscriptions", Up: migrateCloudEvents},
		{Version: 8, Name: "instance events in write order", Up: migrateEventOrder},
		{Version: 9, Name: "event retention", Up: migrateRetention},
		{Version: 10, Name: "pending outbox by ref", Up: migratePendingRef},
	}
}

// execAll runs raw statements in order; used for indexes, which both engines accept in
// the same syntax (including partial indexes and DESC keys).
func execAll(tx *gorm.DB, stmts ...string) error {
	for _, q := range stmts {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}
