// SPDX-License-Identifier: MIT

// Package api holds what every studio API handler group shares: identifying the caller
// (session cookie, personal API token as Bearer, or HTTP Basic), answering errors as
// problem+json with stable codes, and strict JSON decoding. The handler groups live in
// subpackages (accounts, …); each handler decodes, authorises, calls a service and
// encodes.
package api
