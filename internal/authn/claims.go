// SPDX-License-Identifier: MIT

package authn

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Claim names of platform tokens. They follow Altinn's so that apps and end-user systems
// built against Altinn read our tokens unchanged.
const (
	ClaimUserID     = "urn:altinn:userid"
	ClaimPartyID    = "urn:altinn:partyid"
	ClaimAuthLevel  = "urn:altinn:authlevel"
	ClaimAuthMethod = "urn:altinn:authenticatemethod"
	ClaimOrg        = "urn:altinn:org"
	ClaimOrgNumber  = "urn:altinn:orgNumber"
	ClaimScope      = "scope"
	ClaimClientID   = "client_id"
	ClaimPID        = "pid"
)

// Claims are the facts a platform token carries. Zero fields are left out of the token.
type Claims struct {
	// Subject is "sub": the user id for people, the client id for machines.
	Subject string
	// UserID is urn:altinn:userid (a string in Altinn's tokens).
	UserID string
	// PartyID is urn:altinn:partyid (a number in Altinn's tokens).
	PartyID int64
	// AuthLevel is urn:altinn:authlevel, 0–4.
	AuthLevel int
	// AuthMethod is urn:altinn:authenticatemethod, e.g. "IDporten" or "maskinporten".
	AuthMethod string
	// PID is the national identity number of a person ("pid").
	PID string
	// Org is urn:altinn:org, the service-owner short code; set only for service owners.
	Org string
	// OrgNumber is urn:altinn:orgNumber, the organisation number of a machine client.
	OrgNumber string
	// Scopes is "scope", space-separated on the wire.
	Scopes []string
	// ClientID is "client_id" of the machine or API client.
	ClientID string
	// ID is "jti"; Issue fills it.
	ID string
	// IssuedAt and ExpiresAt are "iat" and "exp"; Issue fills them.
	IssuedAt, ExpiresAt time.Time
}

// HasScope reports whether c grants scope.
func (c *Claims) HasScope(scope string) bool {
	for _, s := range c.Scopes {
		if s == scope {
			return true
		}
	}
	return false
}

// wireClaims is the JSON shape. Numbers may arrive as strings and the other way round
// (Altinn itself is inconsistent about orgNumber), so reading is lenient.
type wireClaims struct {
	jwt.RegisteredClaims
	UserID     flexString `json:"urn:altinn:userid,omitzero"`
	PartyID    flexString `json:"urn:altinn:partyid,omitzero"`
	AuthLevel  flexString `json:"urn:altinn:authlevel,omitzero"`
	AuthMethod string     `json:"urn:altinn:authenticatemethod,omitempty"`
	PID        string     `json:"pid,omitempty"`
	Org        string     `json:"urn:altinn:org,omitempty"`
	OrgNumber  flexString `json:"urn:altinn:orgNumber,omitzero"`
	Scope      string     `json:"scope,omitempty"`
	ClientID   string     `json:"client_id,omitempty"`
	Consumer   *consumer  `json:"consumer,omitempty"`
}

// consumer is Maskinporten's ISO 6523 identification of the calling organisation.
type consumer struct {
	Authority string `json:"authority"`
	ID        string `json:"ID"`
}

// flexString holds a JSON string or number as its text. Writing emits numbers for
// texts marked numeric (see num).
type flexString struct {
	s   string
	num bool
}

func (f flexString) MarshalJSON() ([]byte, error) {
	if f.num {
		return []byte(f.s), nil
	}
	return json.Marshal(f.s)
}

func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &f.s)
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	f.s, f.num = n.String(), true
	return nil
}

// IsZero lets omitempty-aware encoders skip empty values.
func (f flexString) IsZero() bool { return f.s == "" }

func toWire(c Claims, issuer string) wireClaims {
	w := wireClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    issuer,
			Subject:   c.Subject,
			ID:        c.ID,
			IssuedAt:  jwt.NewNumericDate(c.IssuedAt),
			NotBefore: jwt.NewNumericDate(c.IssuedAt),
			ExpiresAt: jwt.NewNumericDate(c.ExpiresAt),
		},
		UserID:     flexString{s: c.UserID},
		AuthMethod: c.AuthMethod,
		PID:        c.PID,
		Org:        c.Org,
		OrgNumber:  flexString{s: c.OrgNumber},
		Scope:      strings.Join(c.Scopes, " "),
		ClientID:   c.ClientID,
	}
	if c.PartyID != 0 {
		w.PartyID = flexString{s: strconv.FormatInt(c.PartyID, 10), num: true}
	}
	if c.AuthLevel != 0 {
		w.AuthLevel = flexString{s: strconv.Itoa(c.AuthLevel), num: true}
	}
	if c.OrgNumber != "" {
		w.Consumer = &consumer{Authority: "iso6523-actorid-upis", ID: "0192:" + c.OrgNumber}
	}
	return w
}

func fromWire(w *wireClaims) (Claims, error) {
	c := Claims{
		Subject:    w.Subject,
		UserID:     w.UserID.s,
		AuthMethod: w.AuthMethod,
		PID:        w.PID,
		Org:        w.Org,
		OrgNumber:  w.OrgNumber.s,
		Scopes:     strings.Fields(w.Scope),
		ClientID:   w.ClientID,
		ID:         w.ID,
	}
	if w.IssuedAt != nil {
		c.IssuedAt = w.IssuedAt.Time
	}
	if w.ExpiresAt != nil {
		c.ExpiresAt = w.ExpiresAt.Time
	}
	var err error
	if w.PartyID.s != "" {
		if c.PartyID, err = strconv.ParseInt(w.PartyID.s, 10, 64); err != nil {
			return Claims{}, ErrInvalidToken
		}
	}
	if w.AuthLevel.s != "" {
		if c.AuthLevel, err = strconv.Atoi(w.AuthLevel.s); err != nil || c.AuthLevel < 0 || c.AuthLevel > 4 {
			return Claims{}, ErrInvalidToken
		}
	}
	return c, nil
}
