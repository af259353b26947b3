// SPDX-License-Identifier: MIT

package jsonxsd_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
)

// TestRoundTripXmllint asks libxml2 about every round-tripped corpus XSD:
// when the original compiles as a schema, so must the output, and the
// corpus instances must be valid against both or neither.
func TestRoundTripXmllint(t *testing.T) {
	lint := xmllint(t)
	instances := map[string]string{
		"general/ReferenceArray.xsd": filepath.Join("xml", "General", "ReferenceArray.xml"),
		"seres/SeresBasicSchema.xsd": filepath.Join("xml", "Seres", "SeresBasic.xml"),
	}
	probe := writeTemp(t, "probe.xml", []byte("<blankett-probe/>"))
	compiled, originals := 0, 0
	for _, dir := range []string{"general", "seres", "real"} {
		root := testcorpus.Path(t, "xsd", dir)
		files, _ := filepath.Glob(filepath.Join(root, "*.xsd"))
		for _, f := range files {
			name := filepath.Base(f)
			if name == "SimpleInvalidNonSeresSchema.xsd" {
				continue
			}
			_, out, err := there(root, name)
			if err != nil {
				t.Errorf("%s/%s: %v", dir, name, err)
				continue
			}
			if code, _ := lintSchema(t, lint, f, probe); code == 5 {
				continue // libxml2 rejects the original too (.NET-only regex and the like)
			}
			originals++
			outPath := writeTemp(t, name, out)
			if code, msg := lintSchema(t, lint, outPath, probe); code == 5 {
				t.Errorf("%s/%s: output does not compile:\n%s", dir, name, msg)
				continue
			}
			compiled++
			if inst, ok := instances[dir+"/"+name]; ok {
				ip := testcorpus.Path(t, inst)
				if _, err := os.Stat(ip); err != nil {
					continue
				}
				a, _ := lintSchema(t, lint, f, ip)
				b, msg := lintSchema(t, lint, outPath, ip)
				if a != b {
					t.Errorf("%s/%s: %s is %s against the original but exit %d against the output:\n%s", dir, name, inst, verdict(a), b, msg)
				}
			}
		}
	}
	t.Logf("xmllint compiles: %d/%d (corpus XSDs libxml2 compiles)", compiled, originals)
}

func verdict(code int) string {
	if code == 0 {
		return "valid"
	}
	return "invalid"
}
