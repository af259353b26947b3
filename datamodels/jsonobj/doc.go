// SPDX-License-Identifier: MIT

// Package jsonobj holds an insertion-ordered JSON object and an order-keeping
// decoder. JSON Schema documents are read and written by people, and property
// order is element order in XML, so datamodels never lets a Go map decide it.
package jsonobj
