// SPDX-License-Identifier: MIT

package events

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"time"

	"github.com/blankett/blankett/runtime/internal/store"
)

// Subscribe creates sub with a new random secret (32 bytes, hex) and queues its
// validation handshake, in one transaction. The caller has checked its fields.
func Subscribe(ctx context.Context, st *store.Store, sub store.Subscription) (store.Subscription, error) {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand panics instead)
	sub.Secret, sub.Validated, sub.Disabled = hex.EncodeToString(b), false, false
	err := st.Tx(ctx, func(tx *store.Store) error {
		var err error
		if sub, err = tx.CreateSubscription(ctx, sub); err != nil {
			return err
		}
		payload, _ := json.Marshal(validateMessage{SubscriptionID: sub.ID}) // an int64 always marshals
		_, err = tx.EnqueueRef(ctx, TopicValidate, strconv.FormatInt(sub.ID, 10), payload, time.Time{})
		return err
	})
	return sub, err
}
