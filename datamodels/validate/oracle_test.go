// SPDX-License-Identifier: MIT

package validate

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/blankett/blankett/datamodels/testcorpus"
	"github.com/blankett/blankett/datamodels/xmljson"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

// oracleCase is one generated instance with both verdicts.
type oracleCase struct {
	schema, name, kind string
	ours, lint         bool // valid?
	dflt               bool // our verdict with default options (.NET anchors)
	issues             string
	lintMsg            string
	roundTrip          string // for instances valid per xmllint: "" when XML → JSON → XML is equal
}

// TestOracle is the differential test against libxml2: for every corpus XSD
// it generates valid instances and mutants (missing required element, too
// long, bad pattern, bad enum, too many items, wrong date, too many digits,
// too many decimals, out of range, wrong type, unknown element) and
// compares our verdict with `xmllint --noout --schema`. It validates with
// LiteralAnchors, which is XSD's (and libxml2's) reading of ^ and $; the
// verdicts that change under the default .NET reading are counted apart.
func TestOracle(t *testing.T) {
	lint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed (Debian libxml2-utils): no oracle")
	}
	t.Parallel()
	type job struct{ dir, file string }
	var jobs []job
	for _, dir := range []string{"general", "seres", "real"} {
		files, _ := filepath.Glob(filepath.Join(testcorpus.Path(t, "xsd", dir), "*.xsd"))
		for _, f := range files {
			jobs = append(jobs, job{dir, f})
		}
	}
	tmp := t.TempDir()
	var (
		mu       sync.Mutex
		cases    []oracleCase
		excluded []string
		wg       sync.WaitGroup
		next     = make(chan job)
	)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				cs, why := oracleSchema(lint, j.dir, j.file, tmp)
				mu.Lock()
				cases = append(cases, cs...)
				if why != "" {
					excluded = append(excluded, j.dir+"/"+filepath.Base(j.file)+": "+why)
				}
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	sort.Strings(excluded)
	for _, e := range excluded {
		t.Logf("excluded %s", e)
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].schema+cases[i].name < cases[j].schema+cases[j].name })
	agree, dfltChanged, validN, trips := 0, 0, 0, 0
	for _, c := range cases {
		if c.lint && c.roundTrip == "" {
			trips++
		} else if c.lint {
			t.Errorf("round trip %s %s: %s", c.schema, c.name, c.roundTrip)
		}
		if c.ours == c.lint {
			agree++
		} else {
			t.Logf("disagreement %s %s (%s): ours valid=%v, xmllint valid=%v\n\tours: %s\n\txmllint: %s",
				c.schema, c.name, c.kind, c.ours, c.lint, c.issues, c.lintMsg)
		}
		if c.dflt != c.ours {
			dfltChanged++
		}
		if c.lint {
			validN++
		}
	}
	n := len(cases)
	if n == 0 {
		t.Fatal("no instances")
	}
	pct := 100 * float64(agree) / float64(n)
	t.Logf("oracle agreement: %.1f%% of %d instances", pct, n)
	t.Logf("generated XML round trips (XML → JSON → XML, canonical): %d/%d", trips, validN)
	t.Logf("oracle: %d schemas, %d excluded, %d instances valid per xmllint; %d verdicts differ with default options (^ and $ as anchors)",
		len(jobs)-len(excluded), len(excluded), validN, dfltChanged)
	if pct < 99 {
		t.Errorf("agreement %.2f%% is below 99%%", pct)
	}
}

// oracleSchema generates and judges the instances of one schema; why says
// why a schema was left out.
func oracleSchema(lint, dir, file, tmp string) ([]oracleCase, string) {
	base := filepath.Base(file)
	doc, err := xsdjson.ConvertFile(os.DirFS(filepath.Dir(file)), base, xsd.Options{})
	if err != nil {
		return nil, "not converted: " + firstLine(err.Error())
	}
	v, err := Compile(doc, Options{LiteralAnchors: true})
	if err != nil {
		return nil, "not compiled: " + firstLine(err.Error())
	}
	vd, err := Compile(doc, Options{})
	if err != nil {
		vd = v
	}
	m := v.Model()
	type inst struct {
		name, kind string
		data       []byte
	}
	var insts []inst
	write := func(kind string, val any) {
		var b bytes.Buffer
		if err := m.WriteXML(&b, val, xmljson.WriteOptions{Indent: " "}); err != nil {
			return
		}
		insts = append(insts, inst{fmt.Sprintf("%s-%02d", strings.TrimSuffix(base, ".xsd"), len(insts)), kind, b.Bytes()})
	}
	seed := uint64(len(base))
	var sample any
	for i, opt := range []float64{0, 0.5, 1} {
		g := &gen{m: m, rnd: rand.New(rand.NewPCG(seed, uint64(i))), optional: opt, maxDepth: 6}
		val := g.instance()
		write("valid", val)
		if i == 2 {
			sample = val
		}
	}
	for _, mu := range mutants(m, sample, rand.New(rand.NewPCG(seed, 99))) {
		write(mu.kind, mu.v)
	}
	if len(insts) > 0 {
		// An element the schema does not have, as the root's first child.
		d := insts[len(insts)-1].data
		if i := bytes.Index(d, []byte(">\n")); i > 0 && !bytes.Contains(d[:i], []byte("/>")) {
			mut := append(append(append([]byte{}, d[:i+1]...), []byte("<ukjentElement>x</ukjentElement>")...), d[i+1:]...)
			insts = append(insts, inst{fmt.Sprintf("%s-%02d", strings.TrimSuffix(base, ".xsd"), len(insts)), "unknown element", mut})
		}
	}
	var paths []string
	for _, in := range insts {
		p := filepath.Join(tmp, dir+"-"+in.name+".xml")
		if err := os.WriteFile(p, in.data, 0o644); err != nil {
			return nil, err.Error()
		}
		paths = append(paths, p)
	}
	verdicts, compileErr := runLint(lint, file, paths)
	if compileErr != "" {
		return nil, "xmllint cannot compile it: " + compileErr
	}
	var out []oracleCase
	for i, in := range insts {
		c := oracleCase{schema: dir + "/" + base, name: in.name, kind: in.kind}
		lv := verdicts[paths[i]]
		c.lint, c.lintMsg = lv.valid, lv.msg
		c.ours, c.issues = verdict(v, in.data)
		c.dflt, _ = verdict(vd, in.data)
		if c.lint {
			c.roundTrip = roundTrip(m, in.data)
		}
		out = append(out, c)
	}
	return out, ""
}

func verdict(v *Validator, data []byte) (bool, string) {
	res, err := v.ValidateXML(bytes.NewReader(data))
	if err != nil {
		return false, err.Error()
	}
	var s []string
	for _, is := range res.Issues {
		s = append(s, is.Code+"@"+is.Pointer)
	}
	return res.Valid(), strings.Join(s, " ")
}

type lintVerdict struct {
	valid bool
	msg   string
}

// runLint validates many instances in one xmllint call.
func runLint(lint, xsdPath string, paths []string) (map[string]lintVerdict, string) {
	out, _ := exec.Command(lint, append([]string{"--noout", "--schema", xsdPath}, paths...)...).CombinedOutput()
	text := string(out)
	if strings.Contains(text, "failed to compile") {
		return nil, firstLine(text)
	}
	res := map[string]lintVerdict{}
	msgs := map[string][]string{}
	for _, line := range strings.Split(text, "\n") {
		for _, p := range paths {
			switch {
			case line == p+" validates":
				res[p] = lintVerdict{valid: true}
			case line == p+" fails to validate":
				res[p] = lintVerdict{valid: false, msg: strings.Join(msgs[p], " | ")}
			case strings.HasPrefix(line, p+":"):
				msgs[p] = append(msgs[p], strings.TrimPrefix(line, p+":"))
			}
		}
	}
	return res, ""
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// roundTrip reads XML to JSON and writes it back; it returns "" when the
// canonical forms are equal, else what differs.
func roundTrip(m *xmljson.Model, data []byte) string {
	res, err := m.ReadXML(bytes.NewReader(data), xmljson.ReadOptions{})
	if err != nil {
		return err.Error()
	}
	var out bytes.Buffer
	if err := m.WriteXML(&out, res.Value, xmljson.WriteOptions{}); err != nil {
		return err.Error()
	}
	a, err1 := xmljson.Canonical(data)
	b, err2 := xmljson.Canonical(out.Bytes())
	if err1 != nil || err2 != nil || a != b {
		return fmt.Sprintf("differs:\n%s\n%s", a, b)
	}
	return ""
}
