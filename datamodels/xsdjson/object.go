// SPDX-License-Identifier: MIT

package xsdjson

import "github.com/blankett/blankett/datamodels/jsonobj"

// Object is the insertion-ordered JSON object the converter builds.
type Object = jsonobj.Object

// Marshal writes a converted schema as indented JSON without HTML escaping.
func Marshal(o *Object) ([]byte, error) { return jsonobj.Marshal(o) }
