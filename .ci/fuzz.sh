#!/usr/bin/env bash
# Runs every Fuzz target briefly (FUZZTIME each, default 8s), called by `make fuzz`.
# A finding fails the run only when it reproduces: Go writes the failing input to
# testdata/fuzz/<Target>/<id>, and `go test -run=<Target>/<id>` must fail on it again.
# On a busy 2-core machine Go's engine sometimes stops at -fuzztime ("context deadline
# exceeded") or loses a worker while minimising and writes an input that passes; those
# are printed as warnings and the non-reproducing input is removed.
set -uo pipefail
GO=${GO:-go}
FUZZTIME=${FUZZTIME:-8s}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
while read -r pkg dir; do
  for f in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //'); do
    echo "fuzz: $pkg $f ($FUZZTIME)"
    if "$GO" test -run '^$' -fuzz "^$f\$" -fuzztime "$FUZZTIME" "$pkg" >"$log" 2>&1; then
      continue
    fi
    input=$(sed -n 's#.*Failing input written to testdata/fuzz/[^/]*/\([0-9a-f]*\).*#\1#p' "$log" | head -n1)
    if [ -z "$input" ]; then
      if grep -q 'context deadline exceeded' "$log" && ! grep -q 'panic:' "$log"; then
        echo "fuzz: warning: $f: the engine stopped at its time limit with no failing input (busy machine)"
        continue
      fi
      cat "$log"; status=1; continue
    fi
    if "$GO" test -run "^$f/$input\$" "$pkg" >/dev/null 2>&1; then
      echo "fuzz: warning: $f: the input the engine wrote ($input) does not reproduce; removed"
      grep -m3 -E 'hung|terminated|deadline' "$log" | sed 's/^/    /'
      rm -f "$dir/testdata/fuzz/$f/$input"
      rmdir "$dir/testdata/fuzz/$f" "$dir/testdata/fuzz" 2>/dev/null
      continue
    fi
    cat "$log"
    echo "fuzz: $f: reproducible finding kept at $dir/testdata/fuzz/$f/$input"
    status=1
  done
done < <("$GO" list -f '{{.ImportPath}} {{.Dir}}' ./...)
exit "$status"
