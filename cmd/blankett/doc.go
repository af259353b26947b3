// SPDX-License-Identifier: MIT

// Command blankett is the one binary of the Blankett platform: the all-in-one server,
// the studio and runtime roles on their own, database migrations and the tools for
// service owners.
package main
