// SPDX-License-Identifier: MIT

package main

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `{"Action":"run","Package":"p/a","Test":"TestOK"}
{"Action":"output","Package":"p/a","Test":"TestOK","Output":"    x_test.go:10: golden: 48/48\n"}
{"Action":"pass","Package":"p/a","Test":"TestOK","Elapsed":0.1}
{"Action":"pass","Package":"p/a","Test":"TestStore/postgres","Elapsed":0.1}
{"Action":"skip","Package":"p/a","Test":"TestBlob/real-s3"}
{"Action":"output","Package":"p/a","Test":"TestSkip","Output":"    y_test.go:3: BLANKETT_TEST_S3_ENDPOINT not set: real S3 suite skipped\n"}
{"Action":"output","Package":"p/a","Test":"TestSkip","Output":"--- SKIP: TestSkip (0.00s)\n"}
{"Action":"skip","Package":"p/a","Test":"TestSkip"}
{"Action":"output","Package":"p/a","Test":"TestBad","Output":"    z_test.go:5: got 1, want 2\n"}
{"Action":"fail","Package":"p/a","Test":"TestBad"}
{"Action":"fail","Package":"p/a","Elapsed":0.5}
{"Action":"pass","Package":"p/b","Elapsed":0.2}
# p/c
c.go:1: syntax error
`

func TestSummary(t *testing.T) {
	var out bytes.Buffer
	s := &summary{out: &out, output: map[string][]string{}}
	if err := s.read(strings.NewReader(sample)); err != nil {
		t.Fatal(err)
	}
	if !s.report() {
		t.Error("report() = false with a failing test")
	}
	got := out.String()
	for _, want := range []string{
		"--- FAIL: p/a TestBad\n    z_test.go:5: got 1, want 2",
		"FAIL\tp/a\t0.500s",
		"ok  \tp/b\t0.200s",
		"p/a TestOK: golden: 48/48",
		"p/a TestSkip: BLANKETT_TEST_S3_ENDPOINT not set: real S3 suite skipped",
		"c.go:1: syntax error",
		"postgres: 1 passed, 0 failed, 0 skipped",
		"real-s3:  0 passed, 0 failed, 1 skipped",
		"\n2 passed, 1 failed, 2 skipped\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestSummaryAllPass(t *testing.T) {
	var out bytes.Buffer
	s := &summary{out: &out, output: map[string][]string{}}
	_ = s.read(strings.NewReader(`{"Action":"pass","Package":"p","Test":"T"}` + "\n" + `{"Action":"pass","Package":"p"}` + "\n"))
	if s.report() || !strings.HasSuffix(out.String(), "1 passed, 0 failed, 0 skipped\n") {
		t.Fatalf("all-pass run reported failure: %s", out.String())
	}
}
