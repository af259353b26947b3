// SPDX-License-Identifier: MIT

// Package runtime serves deployed app releases: the citizen forms UI, the instance,
// data and process APIs, storage, authentication, policy enforcement, events and the
// service-owner pull API.
package runtime
