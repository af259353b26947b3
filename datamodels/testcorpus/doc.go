// SPDX-License-Identifier: MIT

// Package testcorpus locates the shared corpus of real public test data (XSDs, JSON
// Schema goldens, expression vectors, apps) that lives in shared/corpus beside the
// repository. Tests use it so that every package reads the same files.
package testcorpus
