// SPDX-License-Identifier: MIT

package deploy

import (
	"time"

	"github.com/blankett/blankett/runtime/internal/apphost"
)

// releaseView is a release as the API shows it.
type releaseView struct {
	ID         string    `json:"id"`
	Org        string    `json:"org"`
	App        string    `json:"app"`
	Version    string    `json:"version"`
	SHA256     string    `json:"sha256,omitempty"`
	Size       int64     `json:"size"`
	DeployedAt time.Time `json:"deployedAt"`
	DeployedBy string    `json:"deployedBy,omitempty"`
	// Active is false once undeployed; Current marks the version new instances get.
	Active  bool `json:"active"`
	Current bool `json:"current"`
	// Local marks a release loaded from a directory (--app), not deployed.
	Local    bool `json:"local"`
	Warnings int  `json:"warnings"`
	// Findings are the release's lint findings (warnings and infos: a release
	// with errors is refused), on single-release answers only.
	Findings []findingView `json:"findings,omitempty"`
}

// findingView is one lint finding.
type findingView struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Location string `json:"location"`
	Message  string `json:"message"`
}

// releasesView is a listing.
type releasesView struct {
	Releases []releaseView `json:"releases"`
}

func viewOf(in apphost.Info) releaseView {
	return releaseView{ID: in.ID, Org: in.Org, App: in.Name, Version: in.Version, SHA256: in.SHA256, Size: in.Size,
		DeployedAt: in.DeployedAt, DeployedBy: in.DeployedBy, Active: in.Active, Current: in.Current,
		Local: in.Dir != "", Warnings: in.Warnings}
}

// detailOf is viewOf with the release's lint findings.
func detailOf(in apphost.Info, rel *apphost.Release) releaseView {
	v := viewOf(in)
	v.Findings = []findingView{}
	for _, f := range rel.Lint.Findings {
		v.Findings = append(v.Findings, findingView{Severity: string(f.Severity), Code: f.Code, Location: f.Location(), Message: f.Message})
	}
	return v
}
