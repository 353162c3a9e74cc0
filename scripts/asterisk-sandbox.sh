#!/usr/bin/env bash
# Real Asterisk 22 (Debian sid package) in a chroot on this Debian 12 host, loopback only:
# AMI 127.0.0.1:5038, HTTP/ARI 127.0.0.1:8088, configured from deploy/asterisk. Run as root.
#   scripts/asterisk-sandbox.sh build    # debootstrap sid + apt install asterisk (or restore the cache tarball)
#   scripts/asterisk-sandbox.sh start    # build if needed, install deploy/asterisk, start, wait for AMI login
#   scripts/asterisk-sandbox.sh stop     # stop it by PID
#   scripts/asterisk-sandbox.sh status   # exit 0 and print the PID when running
# Every command is idempotent. See ../shared/asterisk/RECIPE.md for the why of each step.
set -euo pipefail
cd "$(dirname "$0")/.."
ASTROOT=${ASTROOT:-/var/tmp/hotline-asterisk/root}
ASTCACHE=${ASTCACHE:-/var/cache/hotline/asterisk-sid.tar.zst}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
PIDFILE=${PIDFILE:-$ASTROOT.asterisk.pid}
LOGOUT=${LOGOUT:-$ASTROOT.asterisk.out}
# Ports: a second sandbox (another ASTROOT) can run beside the first on other ports.
AMI_PORT=${AMI_PORT:-5038}; HTTP_PORT=${HTTP_PORT:-8088}
# The credentials in deploy/asterisk/manager.conf (the tests read the same values).
AMI_USER=${AMI_USER:-hotline}; AMI_SECRET=${AMI_SECRET:-hotline-ami-secret}
log() { printf '[asterisk-sandbox] %s\n' "$*" >&2; }

build() {
  if [ -x "$ASTROOT/usr/sbin/asterisk" ]; then log "chroot already has asterisk"; return; fi
  if [ -f "$ASTCACHE" ]; then
    mkdir -p "$ASTROOT"; tar -C "$ASTROOT" --zstd -xf "$ASTCACHE"; log "restored $ASTCACHE"; return
  fi
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  command -v zstd >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zstd >/dev/null
  rm -rf "$ASTROOT"   # a half-built chroot from an interrupted run
  debootstrap --variant=minbase sid "$ASTROOT" "$MIRROR" >&2
  # Package scripts must not start services in the chroot.
  printf '#!/bin/sh\nexit 101\n' > "$ASTROOT/usr/sbin/policy-rc.d"; chmod +x "$ASTROOT/usr/sbin/policy-rc.d"
  # The mirror may serve a frozen snapshot whose Release file has expired.
  echo 'Acquire::Check-Valid-Until "false";' > "$ASTROOT/etc/apt/apt.conf.d/99no-valid-until"
  mount -t proc proc "$ASTROOT/proc"
  trap 'umount "$ASTROOT/proc" 2>/dev/null || true' EXIT
  chroot "$ASTROOT" apt-get update >&2
  chroot "$ASTROOT" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends asterisk asterisk-moh-opsound-gsm >&2
  chroot "$ASTROOT" apt-get clean
  umount "$ASTROOT/proc"; trap - EXIT
  mkdir -p "$(dirname "$ASTCACHE")"
  tar -C "$ASTROOT" --exclude='./var/lib/apt/lists/*' --exclude='./usr/share/doc/*' \
      --exclude='./usr/share/locale/*' --exclude='./usr/share/man/*' --zstd -cf "$ASTCACHE.tmp" .
  mv "$ASTCACHE.tmp" "$ASTCACHE"
  log "cached the chroot in $ASTCACHE"
}

install_config() {
  local etc="$ASTROOT/etc/asterisk"
  [ -d "$ASTROOT/etc/asterisk.dist" ] || cp -a "$etc" "$ASTROOT/etc/asterisk.dist"
  rm -f "$etc/users.conf"   # deprecated sample; pbx_config warns about it
  cp deploy/asterisk/*.conf "$etc/"
  sed -i "s/^port = 5038/port = $AMI_PORT/" "$etc/manager.conf"
  sed -i "s/^bindport = 8088/bindport = $HTTP_PORT/" "$etc/http.conf"
  mkdir -p "$ASTROOT/run/asterisk" "$ASTROOT/var/spool/asterisk/monitor" "$ASTROOT/var/spool/asterisk/recording"
}

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

ami_ready() {   # login + logoff over bash's /dev/tcp
  ( exec 3<>/dev/tcp/127.0.0.1/$AMI_PORT &&
    printf 'Action: Login\r\nUsername: %s\r\nSecret: %s\r\nEvents: off\r\n\r\nAction: Logoff\r\n\r\n' \
      "$AMI_USER" "$AMI_SECRET" >&3 && timeout 3 cat <&3 ) 2>/dev/null | grep -q 'Authentication accepted'
}

start() {
  if running; then log "already running (pid $(cat "$PIDFILE"))"; return; fi
  build
  install_config
  local t0; t0=$(date +%s%N)
  # setsid: Asterisk must outlive the shell (or test process) that started it.
  setsid chroot "$ASTROOT" /usr/sbin/asterisk -f -n -vvv > "$LOGOUT" 2>&1 < /dev/null &
  echo $! > "$PIDFILE"
  for _ in $(seq 1 300); do
    if ami_ready; then log "pid $(cat "$PIDFILE"): AMI ready after $(( ($(date +%s%N)-t0)/1000000 )) ms"; return; fi
    running || { log "asterisk died:"; tail -30 "$LOGOUT" >&2; rm -f "$PIDFILE"; exit 1; }
    sleep 0.1
  done
  log "AMI not ready after 30 s"; tail -30 "$LOGOUT" >&2; exit 1
}

stop() {
  if ! running; then rm -f "$PIDFILE"; log "not running"; return; fi
  local pid; pid=$(cat "$PIDFILE")
  kill "$pid"   # SIGTERM: clean shutdown
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$PIDFILE"; log "stopped (pid $pid)"
}

status() {
  if running; then echo "running pid $(cat "$PIDFILE")"; else echo "stopped"; return 1; fi
}

case "${1:-}" in
  build) build ;; start) start ;; stop) stop ;; status) status ;;
  *) echo "usage: $0 build|start|stop|status" >&2; exit 2 ;;
esac
