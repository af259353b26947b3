// SPDX-License-Identifier: MIT

// Package storage serves the service-owner pull API of Altinn's Storage
// (reference §3): a service owner lists the instances of its own apps, fetches
// one with its data elements, downloads the data and confirms the instance as
// complete, after which a query with excludeConfirmedBy={org} no longer
// returns it.
//
// Routes (see Register):
//
//	GET  /storage/api/v1/instances?appId=|org=&…                     query, keyset paged
//	GET  /storage/api/v1/instances/{partyId}/{guid}                  one instance with data[]
//	GET  /storage/api/v1/instances/{partyId}/{guid}/data/{dataGuid}  the data, with Range
//	POST /storage/api/v1/instances/{partyId}/{guid}/complete         complete confirmation
//
// Only service owners are served: a platform token with urn:altinn:org and
// altinn:serviceowner/instances.read (instances.write for complete). A request
// without a caller is 401; a person, a machine without urn:altinn:org or a
// missing scope is 403. A service owner sees only its own org's instances.
// As Altinn's Storage, an instance that does not exist is 403, with the same
// body as another org's instance, so the answer does not reveal which
// instance ids exist; an unknown data element of an owned instance is 404.
//
// Every error is problem+json with a stable code and no instance data.
package storage
