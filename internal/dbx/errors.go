// SPDX-License-Identifier: MIT

package dbx

import (
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// Sentinel errors that stores return whatever the engine.
var (
	// ErrNotFound means the row asked for does not exist.
	ErrNotFound = errors.New("dbx: not found")
	// ErrDuplicate means a unique constraint or primary key was violated.
	ErrDuplicate = errors.New("dbx: duplicate key")
)

// MapError translates gorm's and the drivers' errors into ErrNotFound and ErrDuplicate,
// keeping the original error in the chain; other errors come back unchanged. The
// database must have been opened with Open, which turns on gorm's error translation.
func MapError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return fmt.Errorf("%w: %w", ErrNotFound, err)
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return fmt.Errorf("%w: %w", ErrDuplicate, err)
	}
	return err
}
