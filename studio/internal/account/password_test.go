// SPDX-License-Identifier: MIT

package account

import (
	"strings"
	"testing"
)

var cheap = Argon2Params{Memory: 64, Time: 1, Threads: 1}

func TestPasswordHash(t *testing.T) {
	h := HashPassword("correct horse", cheap)
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("hash %q does not carry its parameters", h)
	}
	if h == HashPassword("correct horse", cheap) {
		t.Fatal("two hashes of one password are equal: salt not random")
	}
	if !VerifyPassword("correct horse", h) {
		t.Fatal("right password rejected")
	}
	// A hash made with other parameters still verifies: they are read from the hash.
	if !VerifyPassword("pw-other-params", HashPassword("pw-other-params", Argon2Params{Memory: 128, Time: 2, Threads: 2})) {
		t.Fatal("hash with other parameters rejected")
	}
	if !needsRehash(h, DefaultArgon2) || needsRehash(h, cheap) {
		t.Fatal("needsRehash wrong")
	}
	tests := []struct{ name, pw, hash string }{
		{"wrong password", "Correct horse", h},
		{"empty password", "", h},
		{"empty hash", "correct horse", ""},
		{"bcrypt hash", "correct horse", "$2a$10$abcdefghijklmnopqrstuu5Ns2yVq6Xl3mYHq2Qh8Oa5fH0y9qKqW"},
		{"argon2i", "correct horse", strings.Replace(h, "argon2id", "argon2i", 1)},
		{"huge memory", "correct horse", strings.Replace(h, "m=64", "m=99999999", 1)},
		{"zero time", "correct horse", strings.Replace(h, "t=1", "t=0", 1)},
		{"truncated", "correct horse", h[:len(h)-20]},
		{"other version", "correct horse", strings.Replace(h, "v=19", "v=16", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if VerifyPassword(tt.pw, tt.hash) {
				t.Fatal("accepted")
			}
		})
	}
}
