// SPDX-License-Identifier: MIT

package release

import "time"

// Release is an immutable release of an app: the bundle of one commit under a
// version. Warnings and Infos count the lint findings it was released with
// (errors refuse a release, so there are none).
type Release struct {
	ID        int64     `json:"-" gorm:"primaryKey;autoIncrement"`
	Org       string    `json:"org"`
	App       string    `json:"app"`
	Version   string    `json:"version"`
	Commit    string    `json:"commit"`
	Ref       string    `json:"ref"`
	CreatedBy string    `json:"createdBy"`
	CreatedAt time.Time `json:"createdAt"`
	SHA256    string    `json:"sha256" gorm:"column:sha256"`
	Size      int64     `json:"size"`
	Warnings  int       `json:"warnings"`
	Infos     int       `json:"infos"`
	// LintReport is the JSON of the lint report, for the release's page.
	LintReport string `json:"-"`
}

// TableName implements gorm's tabler.
func (Release) TableName() string { return "studio_releases" }

// bundleRow holds a release's bytes apart from the row that lists it.
type bundleRow struct {
	ReleaseID int64 `gorm:"primaryKey;autoIncrement:false"`
	Data      []byte
}

func (bundleRow) TableName() string { return "studio_release_bundles" }

// Deploy actions and statuses.
const (
	ActionDeploy    = "deploy"
	ActionUndeploy  = "undeploy"
	StatusSucceeded = "succeeded"
	StatusFailed    = "failed"
)

// Deploy records one deploy or undeploy of a version to an environment, whether
// it worked or not.
type Deploy struct {
	ID         int64     `json:"id" gorm:"primaryKey;autoIncrement"`
	Org        string    `json:"org"`
	App        string    `json:"app"`
	Env        string    `json:"environment"`
	Version    string    `json:"version"`
	Action     string    `json:"action"`
	Status     string    `json:"status"`
	Error      string    `json:"error,omitempty"`
	DeployedBy string    `json:"deployedBy"`
	DeployedAt time.Time `json:"deployedAt"`
}

// TableName implements gorm's tabler.
func (Deploy) TableName() string { return "studio_deploys" }
