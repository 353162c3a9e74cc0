#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need (Debian packages, PostgreSQL,
# Chromium), builds, runs the whole suite and ends with one line "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
log() { printf '[test.sh] %s\n' "$*"; }

# 1. Debian packages the tests need (only what is missing, so a warm machine skips apt entirely).
packages=(chromium fonts-wqy-microhei libgdiplus postgresql postgresql-contrib)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq || { log "apt-get update failed"; exit 1; }
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { log "apt-get install failed"; exit 1; }
fi

# 2. Real servers the tests use.
if [ -z "${HOTLINE_TEST_POSTGRES:-}" ]; then
  pg=$(scripts/start-postgres.sh | tail -n 1) || { log "PostgreSQL did not start"; exit 1; }
  export HOTLINE_TEST_POSTGRES="$pg"
fi
log "PostgreSQL: $HOTLINE_TEST_POSTGRES"
# Asterisk sandbox (issue 4): real Asterisk 22 in a Debian sid chroot on loopback, from deploy/asterisk.
if [ -z "${HOTLINE_TEST_AMI:-}" ]; then
  scripts/asterisk-sandbox.sh start || { log "Asterisk sandbox did not start"; exit 1; }
  trap 'scripts/asterisk-sandbox.sh stop >/dev/null 2>&1 || true' EXIT
  export HOTLINE_TEST_AMI=127.0.0.1:5038
fi
log "Asterisk AMI: $HOTLINE_TEST_AMI"
export HOTLINE_CHROMIUM=${HOTLINE_CHROMIUM:-/usr/bin/chromium}

# 3. Build everything (benchmarks too, so they cannot rot), then run the tests.
dotnet build Hotline.sln -c Release -nologo -v q || { log "build failed"; echo "0 passed, 1 failed"; exit 1; }

out=$(mktemp)
dotnet test Hotline.Tests/Hotline.Tests.csproj -c Release --no-build 2>&1 | tee "$out"
status=${PIPESTATUS[0]}

passed=0; failed=0; seen=0
while IFS= read -r line; do
  p=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$line")
  f=$(sed -nE 's/.*Failed: *([0-9]+).*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); seen=1
done < <(grep -E '^(Passed|Failed)! +- ' "$out")
rm -f "$out"

# A crashed or aborted test run prints no summary: that is a failure, never a pass.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; log "dotnet test exited with $status"; fi
[ "$seen" -eq 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
