// SPDX-License-Identifier: MIT

// Package events publishes the apps' CloudEvents and delivers them to the service
// owners' webhooks (DESIGN §4 "events", reference §3.5).
//
// Publishing: a change to an instance calls Publisher.Publish inside the store
// transaction that makes the change; it writes the CloudEvent to the events table
// (where the pull API reads it) and enqueues an outbox message of topic "event".
// Either both commit with the change or nothing does.
//
// Delivery: the Worker, one per runtime replica, claims outbox messages with a
// lease (FOR UPDATE SKIP LOCKED on PostgreSQL, so replicas share the work):
//
//	event     fan-out: one "webhook" message per validated, enabled subscription
//	          whose filters match, enqueued in the transaction that completes it
//	webhook   POST of the CloudEvent to the subscription's endpoint, signed
//	validate  POST of platform.events.validatesubscription after a subscription is
//	          created; a 2xx marks the subscription validated
//
// A delivery that fails (error, timeout or non-2xx) is retried with backoff and,
// after the last attempt, left dead in the outbox, where the API lists it as a
// dead letter. Delivery is at least once: a crash between the POST and the
// outbox update repeats the POST, so receivers must tolerate duplicates (the
// Blankett-Event-Id header and the event id are stable across repeats).
//
// Retention: with Options.Retention set, the Worker prunes hourly (Prune) the
// finished messages, the dead letters and then the events the retention has
// outlived, in bounded batches; an event a message that is not done still names
// (store.OutboxMessage.EventID) is kept.
//
// Every delivery carries Blankett-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256
// keyed with the subscription's secret over "<t>.<body>">; see Sign and Verify.
// Secrets and endpoint query strings (which Altinn users use for their own
// secrets) are never logged: logs name an endpoint by scheme, host and path.
package events
