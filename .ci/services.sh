#!/usr/bin/env bash
# Functions that install and start the real services the tests need: a private
# PostgreSQL and a versitygw S3 server, both on loopback, both in a temp dir that is
# removed on stop. Sourced by .ci/run; also usable by hand:
#   source .ci/services.sh && services_start && env | grep BLANKETT_TEST
# Only Debian packages and the Go module proxy are used.

VERSITYGW_VERSION=${VERSITYGW_VERSION:-v1.8.0}
SERVICES_DIR=${SERVICES_DIR:-}

log() { printf '[ci] %s\n' "$*" >&2; }

# free_port prints a TCP port that nothing listens on right now.
free_port() {
  python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# ensure_packages installs the Debian packages whose commands are missing.
ensure_packages() {
  local missing=()
  command -v git >/dev/null || missing+=(git)
  command -v xmllint >/dev/null || missing+=(libxml2-utils)
  command -v chromium >/dev/null || missing+=(chromium fonts-dejavu-core)
  { [ -x /usr/lib/postgresql/15/bin/initdb ] || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; } || missing+=(postgresql)
  command -v make >/dev/null || missing+=(make)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }

# start_postgres runs initdb into a temp dir and starts a server on a free loopback
# port with fsync off (test data is throw-away), then exports BLANKETT_TEST_POSTGRES_DSN.
start_postgres() {
  local bin port dir
  bin=$(pg_bin); port=$(free_port); dir="$SERVICES_DIR/pg"
  mkdir -p "$dir"
  local run=()
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; run=(runuser -u postgres --); fi
  "${run[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >"$SERVICES_DIR/pg-init.log" 2>&1 \
    || { cat "$SERVICES_DIR/pg-init.log"; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log"; return 1; }
  PG_DATA="$dir/data"; PG_RUN=("${run[@]}")
  export BLANKETT_TEST_POSTGRES_DSN="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

stop_postgres() {
  [ -n "${PG_DATA:-}" ] && "${PG_RUN[@]}" "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1
  PG_DATA=
}

# ensure_versitygw builds versitygw with the Go toolchain unless it is already installed.
ensure_versitygw() {
  VERSITYGW=$(command -v versitygw || echo "$(go env GOPATH)/bin/versitygw")
  if [ ! -x "$VERSITYGW" ]; then
    log "building versitygw $VERSITYGW_VERSION (takes a few minutes on 2 cores)"
    GOFLAGS=-buildvcs=false go install "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW_VERSION"
  fi
}

# start_versitygw serves S3 from a posix directory on a free loopback port and exports
# BLANKETT_TEST_S3_ENDPOINT and its keys. No --sidecar: sidecar metadata is written
# apart from the data, so a read racing an overwrite can pair one version's bytes with
# another's metadata; the default xattrs are set before the object is linked in.
start_versitygw() {
  local port dir
  [ -n "${VERSITYGW:-}" ] || ensure_versitygw
  port=$(free_port); dir="$SERVICES_DIR/s3"
  mkdir -p "$dir/root"
  export BLANKETT_TEST_S3_ACCESS_KEY=blankett-test BLANKETT_TEST_S3_SECRET_KEY=blankett-test-secret BLANKETT_TEST_S3_REGION=us-east-1
  ROOT_ACCESS_KEY="$BLANKETT_TEST_S3_ACCESS_KEY" ROOT_SECRET_KEY="$BLANKETT_TEST_S3_SECRET_KEY" \
    "$VERSITYGW" --port "127.0.0.1:$port" --region us-east-1 posix "$dir/root" >"$dir/server.log" 2>&1 &
  VGW_PID=$!
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    kill -0 "$VGW_PID" 2>/dev/null || { cat "$dir/server.log"; return 1; }
    sleep 0.1
  done
  export BLANKETT_TEST_S3_ENDPOINT="http://127.0.0.1:$port"
  log "versitygw $("$VERSITYGW" --version 2>&1 | head -n1 | awk '{print $NF}') on 127.0.0.1:$port"
}

stop_versitygw() {
  [ -n "${VGW_PID:-}" ] && kill "$VGW_PID" 2>/dev/null && wait "$VGW_PID" 2>/dev/null
  VGW_PID=
}

services_start() {
  SERVICES_DIR=$(mktemp -d /tmp/blankett-ci.XXXXXX)
  chmod 755 "$SERVICES_DIR"
  start_postgres
  start_versitygw
  export BLANKETT_TEST_CHROMIUM=$(command -v chromium)
  # The kill -9 reliability test (cmd/blankett/crash_test.go) needs no service,
  # only time (under a minute); CI runs it, a plain `go test` skips it.
  export BLANKETT_TEST_CRASH=1
}

services_stop() {
  stop_versitygw
  stop_postgres
  [ -n "$SERVICES_DIR" ] && rm -rf "$SERVICES_DIR"
  SERVICES_DIR=
}
