// SPDX-License-Identifier: MIT

package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/blankett/blankett/internal/authn"
	"github.com/blankett/blankett/internal/httpx"
	"github.com/blankett/blankett/runtime/internal/store"
	"github.com/gin-gonic/gin"
)

// token serves the JWT bearer grant for machine clients registered in the store.
func (h *Handler) token(c *gin.Context) {
	if h.grant == nil {
		h.tokensOff(c)
		return
	}
	h.grant.TokenHandler(h.lookupClient, h.opt.Log).ServeHTTP(c.Writer, c.Request)
}

// jwks publishes the platform token keys.
func (h *Handler) jwks(c *gin.Context) {
	if h.issuer == nil {
		h.tokensOff(c)
		return
	}
	h.issuer.JWKSHandler().ServeHTTP(c.Writer, c.Request)
}

// configuration is the issuer's metadata (RFC 8414 subset), so clients find the token
// endpoint and keys the way they find Altinn's.
func (h *Handler) configuration(c *gin.Context) {
	if h.issuer == nil {
		h.tokensOff(c)
		return
	}
	c.Header("Cache-Control", "public, max-age=300")
	c.JSON(http.StatusOK, gin.H{
		"issuer":                                h.issuer.Name(),
		"jwks_uri":                              h.opt.PublicURL + PathJWKS,
		"token_endpoint":                        h.opt.PublicURL + PathToken,
		"grant_types_supported":                 []string{authn.GrantTypeJWTBearer},
		"token_endpoint_auth_methods_supported": []string{"private_key_jwt"},
		"id_token_signing_alg_values_supported": []string{authn.AlgEdDSA},
	})
}

func (h *Handler) tokensOff(c *gin.Context) {
	httpx.Abort(c, http.StatusServiceUnavailable, CodeTokensNotConfigured,
		"Platform tokens are not configured on this server: set --token-signing-key-file.")
}

// lookupClient adapts the store's machine clients to authn.ClientLookup.
func (h *Handler) lookupClient(ctx context.Context, id string) (authn.Client, error) {
	mc, err := h.opt.Store.GetClient(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return authn.Client{}, authn.ErrInvalidClient
	}
	if err != nil {
		return authn.Client{}, err
	}
	keys, err := authn.ParseJWKS([]byte(mc.JWKS))
	if err != nil {
		// A client with unusable keys cannot authenticate; say so in the log only.
		return authn.Client{}, fmt.Errorf("auth: client %s keys: %w", id, err)
	}
	return authn.Client{ID: mc.ClientID, Org: mc.Org, OrgNumber: mc.OrgNumber, Scopes: strings.Fields(mc.Scopes),
		Keys: keys, Disabled: mc.Disabled}, nil
}
