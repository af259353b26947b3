// SPDX-License-Identifier: MIT

// Package appframework holds an Altinn 3 app as data: loader, metadata, layouts,
// texts, options, process definition, policy, expressions, validation, lint, diff and
// the HTML renderer. It never imports HTTP frameworks, the ORM, studio, runtime or internal.
package appframework
