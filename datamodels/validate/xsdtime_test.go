// SPDX-License-Identifier: MIT

package validate

import "testing"

func TestDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		k         dateKind
		ok, notOK []string
	}{
		{kDate, []string{"2024-02-29", "2023-12-31Z", "2023-01-01+14:00", "-0044-03-15", "12345-01-01"},
			[]string{"2023-02-29", "2023-13-01", "2023-1-01", "0000-01-01", "02023-01-01", "2023-01-01T00:00:00", "2023-01-01+15:00", ""}},
		{kDateTime, []string{"2023-01-01T10:00:00", "2023-01-01T24:00:00", "2023-01-01T10:00:00.123456789123Z", "2023-01-01T10:00:00-05:30"},
			[]string{"2023-01-01T24:00:01", "2023-01-01 10:00:00", "2023-01-01T10:00", "2023-01-01T10:00:00.", "2023-01-01T10:60:00"}},
		{kTime, []string{"00:00:00", "23:59:59.5+01:00"}, []string{"24:30:00", "1:00:00", "10:00"}},
		{kGYear, []string{"2023", "-2023", "2023Z"}, []string{"23", "0000", "2023-01"}},
		{kGYearMonth, []string{"2023-12"}, []string{"2023-13", "2023"}},
		{kGMonthDay, []string{"--02-29", "--12-31"}, []string{"--02-30", "02-01"}},
		{kGDay, []string{"---31"}, []string{"---32", "--31"}},
		{kGMonth, []string{"--12"}, []string{"--13", "--12--"}},
	}
	for _, tt := range tests {
		for _, s := range tt.ok {
			if _, err := parseDate(s, tt.k); err != nil {
				t.Errorf("kind %d: %q rejected", tt.k, s)
			}
		}
		for _, s := range tt.notOK {
			if _, err := parseDate(s, tt.k); err == nil {
				t.Errorf("kind %d: %q accepted", tt.k, s)
			}
		}
	}
}

func TestDurations(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"P1Y", "P1M", "P1D", "PT1H", "PT1M", "PT1.5S", "-P1Y2M3DT4H5M6.7S", "P0D"} {
		if checkDuration(s) != nil {
			t.Errorf("%q rejected", s)
		}
	}
	for _, s := range []string{"P", "PT", "P1", "1Y", "P1DT", "PT1.S", "P1M1Y", "P-1D", ""} {
		if checkDuration(s) == nil {
			t.Errorf("%q accepted", s)
		}
	}
}
