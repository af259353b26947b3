// SPDX-License-Identifier: MIT

// Package app serves Altinn's app API for the runtime's hosted apps:
//
//	POST   /{org}/{app}/instances?instanceOwnerPartyId=     instantiate (201); JSON template or multipart with data parts
//	POST   /{org}/{app}/instances/create                    instantiate with prefill (InstansiationInstance)
//	GET    /{org}/{app}/instances/{partyId}/active          the party's active instances
//	GET    /{org}/{app}/instances/{partyId}/{guid}          the instance
//	DELETE /{org}/{app}/instances/{partyId}/{guid}?hard=    soft or hard delete
//	POST   …/complete, PUT …/substatus                       the service owner's confirmation and substatus
//	POST   …/data?dataType=X, …/data/{dataType}             add a data element (201)
//	GET    …/data/{dataGuid}                                 read it (form data as JSON, or XML with Accept)
//	PUT    …/data/{dataGuid}                                 replace it
//	PATCH  …/data, …/data/{dataGuid}                         RFC 6902 JSON Patch on form data
//	DELETE …/data/{dataGuid}                                 delete it
//	GET    …/process, …/process/history                      process state with per-action rights; history
//	POST   …/process/start                                   start (409 once started)
//	PUT    …/process/next, …/process/completeProcess          end the current task; run to the end
//	GET    …/validate                                        validate the current task
//	GET    …/options/{id}, …/datalists/{id}                  the lists of the instance's release (policy read)
//	GET    /{org}/{app}/api/v1/applicationmetadata           the app's metadata (public, as the three below)
//	GET    /{org}/{app}/api/v1/texts/{language}, /api/options/{id}, /api/datalists/{id}, /api/v1/applicationsettings
//
// Every handler decodes the request, authorises it through authz (anonymous → 401,
// denied → 403 without data), calls the instances service and encodes Altinn's JSON.
// Errors are problem+json with a stable code.
package app
