// SPDX-License-Identifier: MIT

package app

import (
	"regexp"
	"strconv"
)

var (
	// libVersion finds the Altinn.App.Api (or .Core) package version in App.csproj.
	libVersion = regexp.MustCompile(`Include="Altinn\.App\.(?:Api|Core)"\s+Version="([^"]+)"`)
	// frontendMajor finds the app-frontend major in the Index.cshtml script URL.
	frontendMajor = regexp.MustCompile(`altinn-app-frontend/(\d+)`)
)

// loadVersions reads the app-lib version from App.csproj and the
// app-frontend major from views/Home/Index.cshtml. Both are informational:
// lint uses them to say which generation an app targets.
func (l *loader) loadVersions() {
	a := l.app
	if file := a.Root + "App.csproj"; l.exists(file) {
		if data, ok := l.read(file); ok {
			if m := libVersion.FindSubmatch(data); m != nil {
				a.LibVersion = string(m[1])
			}
		}
	}
	if file := a.Root + "views/Home/Index.cshtml"; l.exists(file) {
		if data, ok := l.read(file); ok {
			if m := frontendMajor.FindSubmatch(data); m != nil {
				a.FrontendMajor, _ = strconv.Atoi(string(m[1]))
			}
		}
	}
}
