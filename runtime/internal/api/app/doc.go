// SPDX-License-Identifier: MIT

// Package app serves Altinn's app API for the runtime's hosted apps:
//
//	POST   /{org}/{app}/instances?instanceOwnerPartyId=     instantiate (201)
//	GET    /{org}/{app}/instances/{partyId}/{guid}          the instance
//	POST   …/data?dataType=X, …/data/{dataType}             add a data element (201)
//	GET    …/data/{dataGuid}                                 read it (form data as JSON, or XML with Accept)
//	PUT    …/data/{dataGuid}                                 replace it
//	DELETE …/data/{dataGuid}                                 delete it
//	GET    …/process                                         process state
//	PUT    …/process/next                                    end the current task
//	GET    …/validate                                        validate the current task
//	GET    /{org}/{app}/api/v1/applicationmetadata           the app's metadata
//
// Every handler decodes the request, authorises it through authz (anonymous → 401,
// denied → 403 without data), calls the instances service and encodes Altinn's JSON.
// Errors are problem+json with a stable code.
package app
