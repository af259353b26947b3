// SPDX-License-Identifier: MIT

package validate_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/blankett/blankett/datamodels/validate"
	"github.com/blankett/blankett/datamodels/xsd"
	"github.com/blankett/blankett/datamodels/xsdjson"
)

func compileXSD(t testing.TB, dir, name string, opts validate.Options) *validate.Validator {
	t.Helper()
	doc, err := xsdjson.ConvertFile(os.DirFS(dir), name, xsd.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v, err := validate.Compile(doc, opts)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

const (
	mHead = `<melding versjon="2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><navn>Ola</navn>`
	mTail = `</melding>`
)

// summary lists issues as "code@path" sorted, for table comparison.
func summary(is []validate.Issue) string {
	var s []string
	for _, i := range is {
		s = append(s, i.Code+"@"+i.Path)
	}
	sort.Strings(s)
	return strings.Join(s, " ")
}

// TestValidateXML checks each rule on XML and, where xmllint is installed,
// that libxml2 gives the same verdict.
func TestValidateXML(t *testing.T) {
	t.Parallel()
	v := compileXSD(t, "testdata", "model.xsd", validate.Options{})
	tests := []struct{ name, xml, want string }{
		{"valid", `<orgnr>012345678</orgnr><kode></kode><nivaa>2</nivaa><belop>123.45</belop><antall>-5</antall><positivt>1</positivt><dato>2000-01-01</dato><aar>2024</aar><tid>2024-01-01T10:00:00</tid><ncname>a-b</ncname><rad><tekst>x</tekst></rad><foretak>AS</foretak>`, ``},
		{"nil", `<orgnr xsi:nil="true"/>`, ``},
		{"missing required", `-navn`, `required@navn`},
		{"too long", `<rad><tekst>123456789012345678901</tekst></rad>`, `maxLength@rad[0].tekst`},
		{"bad pattern", `<orgnr>12345678</orgnr>`, `pattern@orgnr`},
		{"bad enum", `<kode>C</kode>`, `enum@kode`},
		{"bad int enum", `<nivaa>3</nivaa>`, `enum@nivaa`},
		{"too many items", `<rad><tekst>a</tekst></rad><rad><tekst>b</tekst></rad><rad><tekst>c</tekst></rad>`, `maxItems@rad`},
		{"wrong date", `<dato>2001-02-29</dato>`, `format@dato`},
		{"date below minimum", `<dato>1999-12-31</dato>`, `minimum@dato`},
		{"too many digits", `<belop>1234.56</belop>`, `totalDigits@belop`},
		{"too many decimals", `<belop>1.234</belop>`, `multipleOf@belop`},
		{"below minimum", `<belop>-1</belop>`, `minimum@belop`},
		{"int out of range", `<antall>2147483648</antall>`, `xsdType@antall`},
		{"not positive", `<positivt>0</positivt>`, `xsdType@positivt`},
		{"not a number", `<antall>x</antall>`, `type@antall`},
		{"bad gYear", `<aar>24</aar>`, `format@aar`},
		{"bad NCName", `<ncname>a:b</ncname>`, `xsdType@ncname`},
		{"choice", `<person>a</person><foretak>b</foretak>`, `choice@foretak`},
		{"order", `<kode>A</kode><orgnr>012345678</orgnr>`, `elementOrder@orgnr`},
		{"unknown element", `<nope/>`, `unknownElement@nope`},
		{"anchored pattern", `<postnr>1234</postnr>`, ``},
		{"anchored pattern bad", `<postnr>12345</postnr>`, `pattern@postnr`},
	}
	lint, _ := exec.LookPath("xmllint")
	dir := t.TempDir()
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mHead + tt.xml + mTail
			if tt.xml == "-navn" {
				doc = strings.Replace(mHead, "<navn>Ola</navn>", "", 1) + mTail
			}
			res, err := v.ValidateXML(strings.NewReader(doc))
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(res.Issues); got != tt.want {
				t.Errorf("issues %q, want %q (%v)", got, tt.want, res.Issues)
			}
			if lint == "" || strings.HasPrefix(tt.name, "anchored") {
				return // libxml2 reads ^ and $ literally
			}
			f := filepath.Join(dir, fmt.Sprintf("%d.xml", i))
			if err := os.WriteFile(f, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(lint, "--noout", "--schema", "testdata/model.xsd", f).CombinedOutput()
			if (err == nil) != (tt.want == "") {
				t.Errorf("xmllint disagrees: %s", out)
			}
		})
	}
}

func TestValidateJSON(t *testing.T) {
	t.Parallel()
	v := compileXSD(t, "testdata", "model.xsd", validate.Options{Language: "en"})
	tests := []struct{ name, json, want string }{
		{"valid", `{"versjon":"2","navn":"Ola","belop":12.5,"nivaa":1,"rad":[{"altinnRowId":"x","tekst":"a"}]}`, ``},
		{"fixed", `{"versjon":"3","navn":"Ola"}`, `const@versjon`},
		{"unknown property", `{"versjon":"2","navn":"Ola","x":1}`, `unknownProperty@x`},
		{"null navn is nillable", `{"versjon":"2","navn":null}`, ``},
		{"shape", `{"versjon":"2","navn":"Ola","rad":{"tekst":"a"}}`, `shape@rad type@rad`},
		{"number as string", `{"versjon":"2","navn":"Ola","belop":"12"}`, `type@belop`},
		{"choice", `{"versjon":"2","navn":"Ola","person":"a","foretak":"b"}`, `choice@person`},
		{"exponent", `{"versjon":"2","navn":"Ola","belop":1.2e2}`, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := v.ValidateJSON(strings.NewReader(tt.json))
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(res.Issues); got != tt.want {
				t.Errorf("issues %q, want %q (%v)", got, tt.want, res.Issues)
			}
		})
	}
}

func TestIssueFields(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"nb", "nn", "en"} {
		v := compileXSD(t, "testdata", "model.xsd", validate.Options{Language: lang})
		res, err := v.ValidateXML(strings.NewReader(mHead + `<rad><tekst>123456789012345678901</tekst></rad>` + mTail))
		if err != nil {
			t.Fatal(err)
		}
		is := res.Issues[0]
		want := map[string]string{"nb": "Verdien kan ha høyst 20 tegn.", "nn": "Verdien kan ha høgst 20 teikn.",
			"en": "The value can have at most 20 characters."}[lang]
		if is.Pointer != "/rad/0/tekst" || is.Path != "rad[0].tekst" || is.Code != "maxLength" || is.Message != want ||
			fmt.Sprint(is.Params["limit"]) != "20" || fmt.Sprint(is.Params["actual"]) != "21" {
			t.Errorf("%s: %+v", lang, is)
		}
	}
}

// TestRead: ReadXML and ReadJSON give the same value as the Validate
// functions, issues or not, and fail only on input that does not read.
func TestRead(t *testing.T) {
	t.Parallel()
	v := compileXSD(t, "testdata", "model.xsd", validate.Options{})
	tooLong := mHead + `<rad><tekst>123456789012345678901</tekst></rad>` + mTail
	for _, doc := range []string{mHead + mTail, tooLong} {
		res, err := v.ValidateXML(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		got, err := v.ReadXML(strings.NewReader(doc))
		if err != nil || fmt.Sprint(got) != fmt.Sprint(res.Value) {
			t.Errorf("ReadXML = %v, %v; want %v", got, err, res.Value)
		}
	}
	for _, doc := range []string{`{"versjon":"2","navn":"Ola"}`, `{"versjon":"3","navn":"Ola","x":1}`} {
		res, err := v.ValidateJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		got, err := v.ReadJSON(strings.NewReader(doc))
		if err != nil || fmt.Sprint(got) != fmt.Sprint(res.Value) {
			t.Errorf("ReadJSON = %v, %v; want %v", got, err, res.Value)
		}
	}
	if _, err := v.ReadXML(strings.NewReader(`<melding><navn>`)); !errors.Is(err, validate.ErrInput) {
		t.Errorf("ReadXML of broken XML: %v, want ErrInput", err)
	}
	if _, err := v.ReadJSON(strings.NewReader(`{"navn":`)); !errors.Is(err, validate.ErrInput) {
		t.Errorf("ReadJSON of broken JSON: %v, want ErrInput", err)
	}
}
