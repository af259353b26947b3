// SPDX-License-Identifier: MIT

package authn

import "strings"

// Login-cookie names, see SessionCookie for the __Host- rules.
const (
	LoginCookieName         = "__Host-blankett_login"
	InsecureLoginCookieName = "blankett_login"
)

func loginCookieName(insecure bool) string {
	if insecure {
		return InsecureLoginCookieName
	}
	return LoginCookieName
}

// AuthLevelFromACR maps an acr value to Altinn's authentication level: ID-porten's
// idporten-loa-high is 4 and idporten-loa-substantial 3 (also the older Level3/Level4
// names); anything else is 0, which no policy accepts.
func AuthLevelFromACR(acr string) int {
	switch acr {
	case "idporten-loa-high", "Level4":
		return 4
	case "idporten-loa-substantial", "Level3":
		return 3
	case "idporten-loa-low", "Level2":
		return 2
	}
	return 0
}

// localPath keeps only same-site paths, so a login's return address cannot send the
// user to another site.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") ||
		strings.ContainsAny(p, "\r\n") {
		return "/"
	}
	return p
}

// safeCode keeps OAuth error codes (ASCII letters and underscores) and drops anything
// else a provider might echo.
func safeCode(s string) string {
	if len(s) > 64 {
		return "invalid_error_code"
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && c != '_' {
			return "invalid_error_code"
		}
	}
	return s
}
