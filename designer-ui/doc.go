// SPDX-License-Identifier: MIT

// Package designerui serves the designer single-page app under /studio/.
//
// The app is a React + TypeScript + Vite project in this folder. Its build output,
// static/dist, is git-ignored and embedded with //go:embed, so the binary carries the
// UI when it was built after `make ui` and a "UI not built" page otherwise. A fresh
// clone therefore builds with plain `go build ./...`; static/README.md is committed
// only so the embed pattern always matches something.
package designerui
