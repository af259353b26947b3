#!/usr/bin/env bash
# Refreshes the vendored Digdir Designsystemet CSS from the npm registry at the pinned
# versions below (MIT). Run through `make vendor-designsystemet`; commit the result.
set -euo pipefail
CSS_VERSION=1.22.0
here=$(cd "$(dirname "$0")" && pwd)
out="$here/designsystemet"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@digdir/designsystemet-css@$CSS_VERSION" >/dev/null)
tar xzf "$tmp"/digdir-designsystemet-css-*.tgz -C "$tmp"
mkdir -p "$out"
cp "$tmp/package/dist/src/index.css" "$out/designsystemet.css"
cp "$tmp/package/dist/theme/designsystemet.css" "$out/theme.css"
cp "$tmp/package/LICENSE"* "$out/LICENSE" 2>/dev/null || printf 'MIT, see https://github.com/digdir/designsystemet\n' >"$out/LICENSE"
printf '@digdir/designsystemet-css %s\n' "$CSS_VERSION" >"$out/VERSION"
echo "vendored @digdir/designsystemet-css $CSS_VERSION into $out"
