// SPDX-License-Identifier: MIT

package auth

import (
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blankett/blankett/internal/authn"
	"github.com/gin-gonic/gin"
)

// PathExchangeIDPorten is Altinn's token exchange for people: an end-user
// system sends the ID-porten access token it got for a person and receives a
// platform token for the runtime's APIs.
const PathExchangeIDPorten = "/authentication/api/v1/exchange/id-porten"

// endUserScopes are the scopes an exchanged token may carry over from the
// provider's token; others are dropped.
var endUserScopes = []string{"altinn:instances.read", "altinn:instances.write"}

// maxExchangeTTL bounds an exchanged token's life; it never outlives the
// provider's token either.
const maxExchangeTTL = 30 * time.Minute

// exchange verifies the provider's token from the Authorization header (its
// signature by the provider's keys, issuer and expiry), records the person as a
// login does, and answers the platform token as text, as Altinn's exchange
// does. The token acts for the person; which parties they may act for is
// decided per request, from their roles.
func (h *Handler) exchange(c *gin.Context) {
	if h.issuer == nil {
		h.tokensOff(c)
		return
	}
	rp, ok := h.relyingParty(c)
	if !ok {
		return
	}
	scheme, raw, _ := strings.Cut(c.GetHeader("Authorization"), " ")
	if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(raw) == "" {
		h.refuseToken(c, "invalid_request", "Send the ID-porten token as Authorization: Bearer <token>.")
		return
	}
	id, scopes, err := rp.VerifyAccessToken(c.Request.Context(), strings.TrimSpace(raw))
	if err != nil {
		h.opt.Log.Info("token exchange refused", "error", err)
		h.refuseToken(c, "invalid_token", "The token is not a valid, unexpired token of this server's identity provider.")
		return
	}
	user, err := h.upsertPerson(c.Request.Context(), id)
	if err != nil {
		h.opt.Log.Error("token exchange: record person", "error", err)
		internalError(c)
		return
	}
	ttl := min(maxExchangeTTL, time.Until(id.Expiry))
	if ttl <= 0 {
		h.refuseToken(c, "invalid_token", "The token has expired.")
		return
	}
	kept := slices.DeleteFunc(scopes, func(s string) bool { return !slices.Contains(endUserScopes, s) })
	uid := strconv.FormatInt(user.ID, 10)
	tok, _, err := h.issuer.Issue(authn.Claims{Subject: uid, UserID: uid, PID: id.NationalID,
		AuthLevel: id.AuthLevel, AuthMethod: "IDporten", Scopes: kept, ClientID: id.ClientID}, ttl)
	if err != nil {
		h.opt.Log.Error("token exchange: issue", "error", err)
		internalError(c)
		return
	}
	h.opt.Log.Info("token exchange", slog.Int64("user", user.ID), slog.Int("auth_level", id.AuthLevel),
		slog.String("client_id", id.ClientID))
	c.Header("Cache-Control", "no-store")
	c.Data(http.StatusOK, "text/plain; charset=utf-8", []byte(tok))
}
