// SPDX-License-Identifier: MIT

package instances

import (
	"context"
	"encoding/json"
	"strconv"
	"time"
)

// ActiveInstance is an entry of GET instances/{partyId}/active: Altinn's
// SimpleInstance, for the "continue or start new" choice.
type ActiveInstance struct {
	ID                string            `json:"id"`
	PresentationTexts map[string]string `json:"presentationTexts,omitempty"`
	DueBefore         *time.Time        `json:"dueBefore,omitempty"`
	LastChanged       time.Time         `json:"lastChanged"`
	// LastChangedBy is the name of who changed it last, as Altinn shows it; the
	// raw id when no name is known.
	LastChangedBy string `json:"lastChangedBy"`
}

// ActiveInstances lists the party's instances of org/app that are neither
// archived nor deleted, most recently changed first (at most 100). The caller has
// been authorised to read the party's instances.
func (s *Service) ActiveInstances(ctx context.Context, org, app string, partyID int64) ([]ActiveInstance, error) {
	rows, err := s.st.ListActiveInstances(ctx, org+"/"+app, partyID, 100)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	out := make([]ActiveInstance, 0, len(rows))
	for _, r := range rows {
		var doc Instance
		_ = json.Unmarshal([]byte(r.Document), &doc) // a broken document still lists its id
		out = append(out, ActiveInstance{ID: itoa(r.PartyID) + "/" + r.GUID, PresentationTexts: doc.PresentationTexts,
			DueBefore: doc.DueBefore, LastChanged: r.LastChanged, LastChangedBy: s.nameOf(ctx, names, r.LastChangedBy)})
	}
	return out, nil
}

// nameOf resolves a *By value (a user id) to the user's party name, caching per call.
func (s *Service) nameOf(ctx context.Context, cache map[string]string, by string) string {
	if n, ok := cache[by]; ok {
		return n
	}
	name := by
	if id, err := strconv.ParseInt(by, 10, 64); err == nil && len(by) < 9 { // org numbers are 9 digits
		if u, err := s.st.GetUser(ctx, id); err == nil {
			if p, err := s.st.GetParty(ctx, u.PartyID); err == nil && p.Name != "" {
				name = p.Name
			}
		}
	}
	cache[by] = name
	return name
}
