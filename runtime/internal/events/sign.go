// SPDX-License-Identifier: MIT

package events

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Headers of every delivery.
const (
	HeaderSignature = "Blankett-Signature"
	HeaderEventID   = "Blankett-Event-Id"
	// ContentType is the media type of a delivered event (CloudEvents structured
	// mode, JSON format).
	ContentType = "application/cloudevents+json"
)

// ErrSignature means a Blankett-Signature header does not verify.
var ErrSignature = errors.New("events: signature does not verify")

// Sign returns the Blankett-Signature header value for body sent at t: the unix
// time and the hex HMAC-SHA256, keyed with the secret string as given, of
// "<unix seconds>.<body>". The time inside the signed text lets a receiver refuse
// an old delivery replayed.
func Sign(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + mac(secret, ts, body)
}

// Verify checks header (a Blankett-Signature value) against body and secret, and
// that its time is within tolerance of now (0 skips the time check). It accepts
// any of several v1 values, so a receiver keeps working while a secret rotates.
func Verify(secret, header string, body []byte, now time.Time, tolerance time.Duration) error {
	var ts string
	var sigs []string
	for part := range strings.SplitSeq(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sigs = append(sigs, v)
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || len(sigs) == 0 {
		return ErrSignature
	}
	if d := now.Sub(time.Unix(sec, 0)); tolerance > 0 && (d > tolerance || d < -tolerance) {
		return ErrSignature
	}
	want := mac(secret, ts, body)
	for _, s := range sigs {
		if hmac.Equal([]byte(s), []byte(want)) {
			return nil
		}
	}
	return ErrSignature
}

func mac(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts))
	m.Write([]byte{'.'})
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}
