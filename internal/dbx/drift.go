// SPDX-License-Identifier: MIT

package dbx

import (
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// CheckDrift compares today's model structs with the schema that the migrations built:
// every model's table and every column gorm would map must exist. Run it in a test on a
// freshly migrated empty database, so a model change without a migration fails CI
// instead of production. AutoMigrate is never used to build the real schema.
// For a model stored under several table names, pass g.Table(name). A field tagged
// -:migration is not a column of its table (it is read from a join) and is skipped.
func CheckDrift(g *gorm.DB, models ...any) error {
	var errs []error
	m := g.Migrator()
	for _, model := range models {
		stmt := &gorm.Statement{DB: g}
		if err := stmt.Parse(model); err != nil {
			errs = append(errs, fmt.Errorf("parse %T: %w", model, err))
			continue
		}
		table := stmt.Schema.Table
		if g.Statement.Table != "" { // g.Table(name) names a table the model shares
			table = g.Statement.Table
		}
		if !m.HasTable(table) {
			errs = append(errs, fmt.Errorf("table %s (model %T) is missing", table, model))
			continue
		}
		for _, f := range stmt.Schema.Fields {
			if f.DBName != "" && !f.IgnoreMigration && !m.HasColumn(model, f.DBName) {
				errs = append(errs, fmt.Errorf("column %s.%s (field %T.%s) is missing", table, f.DBName, model, f.Name))
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("dbx: schema drift: %w", errors.Join(errs...))
	}
	return nil
}
