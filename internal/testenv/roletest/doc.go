// SPDX-License-Identifier: MIT

// Package roletest starts a role (studio or the runtime) in a test as platform.Run
// starts it: migrated SQLite and the fs blob store in a temporary directory, dev mode,
// and the public engine with its middleware. The server listens for real so that the
// OIDC login's discovery and code exchange can reach the dev IdP at the public URL;
// tests may also serve requests in process through Server.Handler.
//
//	srv := roletest.Start(t, runtime.New(cfg))
//	res, _ := http.Get(srv.URL + "/ttd/skjema/")
package roletest
