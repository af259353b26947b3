// SPDX-License-Identifier: MIT

package store

import (
	"context"
	"fmt"
	"time"
)

// Subscription is a row of event_subscriptions: Org's webhook at EndPoint for the
// events of FilterOrg/FilterApp (SourceFilter as the subscriber wrote it), narrowed
// by TypeFilter and SubjectFilter when set. Secret keys the HMAC signature of every
// delivery. Only a Validated subscription that is not Disabled receives events.
type Subscription struct {
	ID            int64  `gorm:"primaryKey;autoIncrement"`
	Org           string `gorm:"size:64"`
	EndPoint      string `gorm:"size:2000"`
	SourceFilter  string `gorm:"size:1000"`
	FilterOrg     string `gorm:"size:64"`
	FilterApp     string `gorm:"size:200"`
	TypeFilter    string `gorm:"size:200"`
	SubjectFilter string `gorm:"size:200"`
	Secret        string `gorm:"size:64"`
	Validated     bool
	Created       time.Time
	CreatedBy     string `gorm:"size:200"`
	Disabled      bool
}

// TableName implements gorm's tabler.
func (Subscription) TableName() string { return "event_subscriptions" }

// CreateSubscription inserts sub; a zero Created is now.
func (s *Store) CreateSubscription(ctx context.Context, sub Subscription) (Subscription, error) {
	if sub.Created.IsZero() {
		sub.Created = s.clock()
	}
	sub.Created = ts(sub.Created)
	return sub, wrap("create subscription for "+sub.Org, s.db(ctx).Create(&sub).Error)
}

// GetSubscription returns subscription id, disabled ones included.
func (s *Store) GetSubscription(ctx context.Context, id int64) (Subscription, error) {
	var sub Subscription
	return sub, wrap(fmt.Sprintf("get subscription %d", id), s.db(ctx).Take(&sub, id).Error)
}

// OwnSubscription returns org's subscription id; another org's, a disabled one or
// none is ErrNotFound.
func (s *Store) OwnSubscription(ctx context.Context, org string, id int64) (Subscription, error) {
	var sub Subscription
	err := s.db(ctx).Where("id = ? AND org = ? AND disabled = ?", id, org, false).Take(&sub).Error
	return sub, wrap(fmt.Sprintf("get subscription %d", id), err)
}

// ListSubscriptions returns org's subscriptions that are not disabled, oldest first.
func (s *Store) ListSubscriptions(ctx context.Context, org string) ([]Subscription, error) {
	var out []Subscription
	err := s.db(ctx).Where("org = ? AND disabled = ?", org, false).Order("id").Find(&out).Error
	return out, wrap("list subscriptions of "+org, err)
}

// DisableSubscription stops org's subscription id: it receives nothing more and is
// no longer listed. Its row stays, so deliveries already queued can see it is gone.
func (s *Store) DisableSubscription(ctx context.Context, org string, id int64) error {
	res := s.db(ctx).Model(&Subscription{}).Where("id = ? AND org = ? AND disabled = ?", id, org, false).Update("disabled", true)
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("store: disable subscription %d: %w", id, ErrNotFound)
	}
	return wrap(fmt.Sprintf("disable subscription %d", id), res.Error)
}

// SetSubscriptionValidated marks subscription id validated: its endpoint answered
// the validation event.
func (s *Store) SetSubscriptionValidated(ctx context.Context, id int64) error {
	res := s.db(ctx).Model(&Subscription{}).Where("id = ?", id).Update("validated", true)
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("store: validate subscription %d: %w", id, ErrNotFound)
	}
	return wrap(fmt.Sprintf("validate subscription %d", id), res.Error)
}

// ActiveSubscriptions returns every validated subscription that is not disabled,
// for fan-out, which matches them against each event in memory.
func (s *Store) ActiveSubscriptions(ctx context.Context) ([]Subscription, error) {
	var out []Subscription
	err := s.db(ctx).Where("validated = ? AND disabled = ?", true, false).Order("id").Find(&out).Error
	return out, wrap("list active subscriptions", err)
}
