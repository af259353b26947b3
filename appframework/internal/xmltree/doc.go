// SPDX-License-Identifier: MIT

// Package xmltree parses a small XML document (a policy.xml, a process.bpmn) into a
// generic element tree that readers query by local name whatever the prefix. It bounds
// input size and nesting, refuses DTDs and other <!…> declarations (entity bombs),
// strips a UTF-8 byte order mark, and collects character data in linear time.
package xmltree
