// SPDX-License-Identifier: MIT

package instances

import (
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/internal/blob"
	"github.com/blankett/blankett/internal/dbx"
	"github.com/blankett/blankett/runtime/internal/apphost"
	"github.com/blankett/blankett/runtime/internal/instances/instancetest"
	"github.com/blankett/blankett/runtime/internal/store"
)

// SetupSigningTest is the service tests' common start, shared with the
// external test package: instancetest.Setup with the corpus app signing-test.
func SetupSigningTest(t *testing.T, db *dbx.DB, orgNo string, wrap func(blob.Store) blob.Store) (blob.Store, *apphost.Host, store.Party) {
	t.Helper()
	return instancetest.Setup(t, db, testcorpus.Path(t, "apps", "signing-test"), orgNo, wrap)
}
