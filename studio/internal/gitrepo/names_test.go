// SPDX-License-Identifier: MIT

package gitrepo

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckApp(t *testing.T) {
	tests := []struct {
		name string
		want error
	}{
		{"abc", nil},
		{"my-app-2", nil},
		{"a" + strings.Repeat("b", 29), nil},
		{"ab", ErrInvalidName},
		{"a" + strings.Repeat("b", 30), ErrInvalidName},
		{"My-app", ErrInvalidName},
		{"1app", ErrInvalidName},
		{"-app", ErrInvalidName},
		{"app-", ErrInvalidName},
		{"app_x", ErrInvalidName},
		{"app.git", ErrInvalidName},
		{"../x", ErrInvalidName},
		{"datamodels", ErrReservedName},
	}
	for _, tt := range tests {
		err := CheckApp(tt.name)
		if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
			t.Errorf("CheckApp(%q) = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestCheckOrg(t *testing.T) {
	for _, ok := range []string{"ttd", "Digdir", "org_1", "a.b-c"} {
		if err := CheckOrg(ok); err != nil {
			t.Errorf("CheckOrg(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", ".", "..", ".hidden", "-x", "a/b", "a b", "x.git", "x.", strings.Repeat("o", 41)} {
		if err := CheckOrg(bad); !errors.Is(err, ErrInvalidName) {
			t.Errorf("CheckOrg(%q) = %v, want ErrInvalidName", bad, err)
		}
	}
}

func TestBranchNames(t *testing.T) {
	if b, err := UserBranch("kari.nordmann"); err != nil || b != "users/kari.nordmann" {
		t.Errorf("UserBranch = %q, %v", b, err)
	}
	for _, bad := range []string{"", "a/b", "..", ".x", "x.lock", "x..y", "x y", "-x"} {
		if _, err := UserBranch(bad); !errors.Is(err, ErrInvalidName) {
			t.Errorf("UserBranch(%q) = %v, want ErrInvalidName", bad, err)
		}
	}
	for _, ok := range []string{"main", "users/ola", "release/2026"} {
		if err := CheckBranch(ok); err != nil {
			t.Errorf("CheckBranch(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", "/main", "main/", "a//b", "users/../main", "HEAD:x", "a~1"} {
		if err := CheckBranch(bad); !errors.Is(err, ErrInvalidName) {
			t.Errorf("CheckBranch(%q) = %v, want ErrInvalidName", bad, err)
		}
	}
}
