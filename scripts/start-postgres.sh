#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the storage tests and prints its connection string.
# Idempotent: a second run finds the cluster running and only prints the string again.
# Everything but the connection string goes to stderr, so callers can read the last stdout line.
#
# Settings (environment): HOTLINE_PG_PORT (default 55432), HOTLINE_PG_DIR (default /tmp/hotline-postgres-utf8-$PORT).
# The cluster lives under /tmp, not in a worktree, so every checkout on the machine shares the one port.
set -euo pipefail

PORT="${HOTLINE_PG_PORT:-55432}"
ROOT="${HOTLINE_PG_DIR:-/tmp/hotline-postgres-utf8-$PORT}"
DATA="$ROOT/data"
LOG="$ROOT/postgres.log"
DB=hotline_test
CONN="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=$DB"

log() { echo "start-postgres: $*" >&2; }

# Run as the postgres user when we are root (initdb and postgres refuse to run as root).
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

BIN="$(find_bin)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    log "PostgreSQL not found, installing it with apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y postgresql >&2
    BIN="$(find_bin)"
fi
[ -x "$BIN/initdb" ] || { log "no initdb under /usr/lib/postgresql/*/bin after install"; exit 1; }

mkdir -p "$ROOT"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$ROOT"; fi

# Two test processes may start at once: one of them sets the cluster up, the other waits.
# (The server must not inherit this descriptor, or it would hold the lock for ever: see `9>&-` below.)
exec 9>"$ROOT.lock"
flock 9

if pg_isready -q -h 127.0.0.1 -p "$PORT"; then
    log "a server already listens on 127.0.0.1:$PORT"
else
    if [ ! -f "$DATA/PG_VERSION" ]; then
        log "creating cluster in $DATA"
        # C.UTF-8, not C: under the C locale pg_trgm extracts no trigrams from Chinese text.
        as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >&2
    fi
    log "starting on 127.0.0.1:$PORT"
    # A test cluster: durability traded for speed; the socket stays in our own directory because
    # /var/run/postgresql may not exist on a fresh machine. The memory and planner settings are the ones a
    # deployment sets too (README, "PostgreSQL"): the million-ticket benchmark measures with them.
    as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$ROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=1GB -c effective_cache_size=4GB -c random_page_cost=1.1" \
        start >&2 9>&- || { log "pg_ctl start failed; log follows"; cat "$LOG" >&2 || true; exit 1; }
fi

for _ in $(seq 1 60); do
    if pg_isready -q -h 127.0.0.1 -p "$PORT"; then break; fi
    sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$PORT" >&2 || { log "server did not become ready"; cat "$LOG" >&2 || true; exit 1; }

if [ "$(psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
    log "creating database $DB"
    psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc "CREATE DATABASE $DB" >&2
fi

echo "$CONN"
