// SPDX-License-Identifier: MIT

package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/blankett/blankett/studio/internal/store"
)

func TestTokens(t *testing.T) {
	run(t, func(t *testing.T, s *store.Store, c *clock) {
		ctx := context.Background()
		ola, kari := mustUser(t, s, "ola"), mustUser(t, s, "kari")
		t1 := store.Token{UserID: ola.ID, Name: "git", Prefix: "bst_aaaa", Hash: "h1"}
		t2 := store.Token{UserID: ola.ID, Name: "cli", Prefix: "bst_bbbb", Hash: "h2"}
		for _, tk := range []*store.Token{&t1, &t2} {
			if err := s.CreateToken(ctx, tk); err != nil {
				t.Fatal(err)
			}
			c.advance(time.Second)
		}
		wantErr(t, s.CreateToken(ctx, &store.Token{UserID: kari.ID, Name: "x", Prefix: "p", Hash: "h1"}), store.ErrDuplicate)
		list, err := s.TokensOf(ctx, ola.ID)
		if err != nil || len(list) != 2 || list[0].Name != "cli" {
			t.Fatalf("TokensOf = %+v, %v", list, err)
		}
		if err := s.TouchToken(ctx, t1.ID); err != nil {
			t.Fatal(err)
		}
		got, err := s.TokenByHash(ctx, "h1")
		if err != nil || got.LastUsedAt == nil || !got.LastUsedAt.Equal(c.t) {
			t.Fatalf("TokenByHash after touch = %+v, %v", got, err)
		}
		// Another user cannot revoke ola's token, nor learn that it exists.
		wantErr(t, s.RevokeToken(ctx, kari.ID, t1.ID), store.ErrNotFound)
		if err := s.RevokeToken(ctx, ola.ID, t1.ID); err != nil {
			t.Fatal(err)
		}
		wantErr(t, s.RevokeToken(ctx, ola.ID, t1.ID), store.ErrNotFound)
		if got, _ := s.TokenByHash(ctx, "h1"); got.RevokedAt == nil {
			t.Fatal("revoked token has no revoked_at")
		}
		if list, _ := s.TokensOf(ctx, ola.ID); len(list) != 1 || list[0].ID != t2.ID {
			t.Fatalf("after revoke: %+v", list)
		}
	})
}
