// SPDX-License-Identifier: MIT

package render

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/blankett/blankett/appframework/component"
)

func itoa(n int) string { return strconv.Itoa(n) }

// numFmt is Input/Number formatting: affixes and separators.
type numFmt struct {
	prefix, suffix    string
	thousand, decimal string
	scale             int // -1: as written
}

// numberOpts is formatting.number as the JSON gives it.
type numberOpts struct {
	Thousand any    `json:"thousandSeparator"`
	Decimal  string `json:"decimalSeparator"`
	Prefix   string `json:"prefix"`
	Suffix   string `json:"suffix"`
	Scale    *int   `json:"decimalScale"`
}

// numberCache holds parsed formatting.number objects by their JSON (nil for
// JSON that is not the options): a number field formats every value it
// prints, on every page load. Parsed values are never changed, so renderers
// share it.
var numberCache = boundedCache[*numberOpts]{max: 10_000}

// numberOptions parses raw, from the cache when it is there; ok is false
// when raw is empty or not an object of the options.
func numberOptions(raw json.RawMessage) (*numberOpts, bool) {
	if len(raw) == 0 {
		return nil, false
	}
	o, _ := numberCache.get(string(raw), func() (*numberOpts, error) {
		o := &numberOpts{}
		if json.Unmarshal(raw, o) != nil {
			return nil, nil
		}
		return o, nil
	})
	return o, o != nil
}

// numberFormat reads formatting.number, currency and unit; nil when the
// component has no number formatting.
func numberFormat(f *component.Formatting, lang string) *numFmt {
	if f == nil {
		return nil
	}
	nf := &numFmt{scale: -1, decimal: ","}
	if lang == "en" {
		nf.decimal = "."
	}
	has := false
	if raw, ok := numberOptions(f.Number); ok {
		has = true
		switch t := raw.Thousand.(type) {
		case string:
			nf.thousand = t
		case bool:
			if t {
				nf.thousand = "\u00a0"
				if lang == "en" {
					nf.thousand = ","
				}
			}
		}
		if raw.Decimal != "" {
			nf.decimal = raw.Decimal
		}
		nf.prefix, nf.suffix = raw.Prefix, raw.Suffix
		if raw.Scale != nil && *raw.Scale >= 0 && *raw.Scale <= 20 {
			nf.scale = *raw.Scale
		}
	}
	if f.Currency != "" {
		has = true
		nf.thousand = "\u00a0"
		if lang == "en" {
			nf.thousand, nf.prefix = ",", f.Currency+" "
		} else if f.Currency == "NOK" {
			nf.suffix = " kr"
		} else {
			nf.suffix = " " + f.Currency
		}
		if nf.scale < 0 {
			nf.scale = 2
		}
	}
	if f.Unit != "" {
		has = true
		nf.suffix = " " + f.Unit
	}
	if !has {
		return nil
	}
	return nf
}

// format writes a stored number with the format; text that is not a
// number is returned as it is.
func (nf *numFmt) format(s string) string {
	if nf == nil || s == "" {
		return s
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return s
	}
	num := strconv.FormatFloat(math.Abs(f), 'f', nf.scale, 64)
	intPart, frac, _ := strings.Cut(num, ".")
	if nf.thousand != "" && len(intPart) > 3 {
		var b strings.Builder
		for i, r := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteString(nf.thousand)
			}
			b.WriteRune(r)
		}
		intPart = b.String()
	}
	out := intPart
	if frac != "" {
		out += nf.decimal + frac
	}
	if f < 0 {
		out = "-" + out
	}
	return nf.prefix + out + nf.suffix
}

// formatDate writes an ISO date (or timestamp) with an app-frontend date
// format such as DD.MM.YYYY (default) or dd.MM.yyyy; other text is
// returned as it is.
func formatDate(s, format string) string {
	d := isoDate(s)
	if len(d) != 10 {
		return s
	}
	if format == "" {
		format = "DD.MM.YYYY"
	}
	r := strings.NewReplacer("YYYY", d[:4], "yyyy", d[:4], "MM", d[5:7], "DD", d[8:], "dd", d[8:], "YY", d[2:4], "yy", d[2:4])
	return r.Replace(format)
}

// atoiValue reads a small non-negative integer written as text ("3", "3.0").
func atoiValue(s string) (int, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || f < 0 || f > 1e6 {
		return 0, false
	}
	return int(f), true
}
