// SPDX-License-Identifier: MIT

package platform

import (
	"log/slog"
	"path/filepath"

	"github.com/blankett/blankett/internal/config"
	"github.com/blankett/blankett/internal/dbx"
)

// dataDir is a folder that holds the installation's data, and what it holds.
type dataDir struct {
	path     string
	database bool // SQLite's database file, as opposed to the fs blob store
}

// dataDirs returns the folders whose file systems hold the data: the SQLite
// database file's and the fs blob store's. PostgreSQL and S3 keep theirs elsewhere.
func dataDirs(cfg config.Base) []dataDir {
	var out []dataDir
	if f, ok := dbx.SQLiteFile(cfg.Database); ok {
		out = append(out, dataDir{path: filepath.Dir(f), database: true})
	}
	if cfg.Blob.Backend == "fs" {
		out = append(out, dataDir{path: cfg.Blob.Dir})
	}
	return out
}

// warnDataFS logs a warning for each data folder on a file system that puts
// the data at risk or slows the runtime down (see fsProbe.risk).
func warnDataFS(log *slog.Logger, cfg config.Base, p fsProbe) {
	for _, d := range dataDirs(cfg) {
		if fs, risk := p.risk(d.path, d.database); risk != "" {
			log.Warn("data folder's file system: "+risk, slog.String("path", d.path), slog.String("fs", fs),
				slog.String("see", "docs/operators.md#file-systems"))
		}
	}
}
