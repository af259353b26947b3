// SPDX-License-Identifier: MIT

package expr

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// formatNumber writes f the way JavaScript's Number#toString does, which is
// also what .NET's shortest round-trip formatting gives for ordinary numbers:
// 1, 2.5, 0.000001, 1e-7, 1e+21.
func formatNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	neg := f < 0
	if neg {
		f = -f
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±xx
	mant, expStr, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(expStr)
	n, k := exp+1, len(digits)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	switch {
	case k <= n && n <= 21:
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", n-k))
	case 0 < n && n <= 21:
		b.WriteString(digits[:n])
		b.WriteByte('.')
		b.WriteString(digits[n:])
	case -6 < n && n <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -n))
		b.WriteString(digits)
	default:
		b.WriteString(digits[:1])
		if k > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte('e')
		if n-1 >= 0 {
			b.WriteByte('+')
		}
		b.WriteString(strconv.Itoa(n - 1))
	}
	return b.String()
}

// parseNumber reads a number written as a string. The grammar is stricter than
// strconv's and matches the shared vectors: an optional sign, digits with an
// optional fraction (or a bare fraction such as ".5"), and an optional exponent.
// "55.", "5e", "e2", "0x10", "Inf" and " 1" are not numbers.
func parseNumber(s string) (float64, bool) {
	if !isNumberText(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		// Only range errors get here; ParseFloat returns ±Inf for them.
		return f, !math.IsNaN(f)
	}
	return f, true
}

func isNumberText(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	intDigits := digitsAt(s, i)
	i += intDigits
	fracDigits := 0
	if i < len(s) && s[i] == '.' {
		fracDigits = digitsAt(s, i+1)
		if fracDigits == 0 {
			return false
		}
		i += 1 + fracDigits
	}
	if intDigits == 0 && fracDigits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		d := digitsAt(s, i)
		if d == 0 {
			return false
		}
		i += d
	}
	return i == len(s)
}

func digitsAt(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '9' {
		n++
	}
	return n
}

// decimal converts f to an exact rational through its shortest decimal
// representation, so that 0.1 + 0.2 is 0.3 as the vectors (and .NET's decimal
// type) require, not 0.30000000000000004.
func decimal(f float64) *big.Rat {
	r := new(big.Rat)
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return r.SetInt64(int64(f))
	}
	r.SetString(strconv.FormatFloat(f, 'g', -1, 64))
	return r
}

func ratFloat(r *big.Rat) float64 {
	f, _ := r.Float64()
	return f
}

// roundFixed formats f with places decimals, rounding half away from zero on
// the exact binary value, as .NET's "N" format and JavaScript's toFixed do.
// Unlike .NET it writes no thousands separators, as the frontend.
func roundFixed(f float64, places int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return formatNumber(f)
	}
	neg := f < 0
	r := new(big.Rat).SetFloat64(math.Abs(f))
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	r.Mul(r, new(big.Rat).SetInt(scale))
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	// Round half away from zero: compare the remainder twice against the denominator.
	if m.Lsh(m, 1).Cmp(r.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	digits := q.String()
	if places > 0 {
		if len(digits) <= places {
			digits = strings.Repeat("0", places-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-places] + "." + digits[len(digits)-places:]
	}
	// Like toFixed and .NET, a negative number that rounds to zero keeps its sign.
	if neg {
		return "-" + digits
	}
	return digits
}
