#!/usr/bin/env bash
# Shared helpers for the local (Docker-less) Harvest Live scripts.
#
# Source it; do not execute it:
#     source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Functions
#   repo_root                      absolute path of the git repo
#   run_dir                        ${HARVEST_RUN_DIR:-<repo>/.run}, created on demand
#   log MSG... / warn MSG...       timestamped messages on stderr
#   die MSG...                     log an error and exit 1
#   have CMD                       true if CMD is on PATH
#   as_root CMD...                 run CMD as root (directly, or via sudo -n)
#   root_ok                        true if root, or sudo works without a password now
#   require_root WHY               die, with the fix, unless root_ok
#   install_hint PKG...            the apt-get line to install PKG (with sudo if not root)
#   apt_install PKG...             install PKG as root with apt-get (update first)
#   root_problem WHY               print the missing privilege and its fix (false if none)
#   tools_problem                  print the missing tools and their apt-get line (false if none)
#   require_tools                  die with tools_problem's text, if any
#   java_major JAVA_BIN            the Java feature version (17, 21, ...)
#   newest_jdk MIN                 the newest JDK >= MIN under /usr/lib/jvm
#   wait_tcp HOST PORT TIMEOUT     wait until a TCP port accepts connections
#   wait_http URL TIMEOUT          wait until URL answers HTTP 2xx
#   pid_alive PIDFILE [PATTERN]    print the pid and return 0 if it is running
#                                  (and its command line contains PATTERN)
#   start_bg NAME PIDFILE LOGFILE CMD...
#                                  start CMD detached (own session, nohup),
#                                  append output to LOGFILE, write PIDFILE
#   stop_pid NAME PIDFILE [TIMEOUT] [PATTERN]
#                                  SIGTERM, wait up to TIMEOUT (default
#                                  ${HARVEST_STOP_TIMEOUT:-30}s), then SIGKILL;
#                                  PATTERN as in pid_alive (guards pid reuse)
#   tail_log LOGFILE [N]           print the last N (default 40) lines of the
#                                  current run (since the last start_bg), indented
#   service_jvm_defaults           set SERVICE_JAVA_OPTS and SERVICE_MALLOC_ARENA_MAX
#                                  to the services' defaults unless already set
#
# Everything is safe under `set -euo pipefail`.

# Guard against double sourcing.
if [[ -n "${_HARVEST_LIB_SOURCED:-}" ]]; then
  return 0
fi
_HARVEST_LIB_SOURCED=1

_HARVEST_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

repo_root() {
  (cd "$_HARVEST_LIB_DIR/../.." && pwd)
}

run_dir() {
  local dir="${HARVEST_RUN_DIR:-$(repo_root)/.run}"
  mkdir -p "$dir"
  (cd "$dir" && pwd)
}

# ---------------------------------------------------------------- logging ---

_log_prefix() { printf '%s [%s]' "$(date +%H:%M:%S)" "${HARVEST_LOG_TAG:-harvest}"; }

log()  { printf '%s %s\n' "$(_log_prefix)" "$*" >&2; }
warn() { printf '%s WARN: %s\n' "$(_log_prefix)" "$*" >&2; }
die()  { printf '%s ERROR: %s\n' "$(_log_prefix)" "$*" >&2; exit 1; }

have() { command -v "$1" >/dev/null 2>&1; }

# sudo runs non-interactively (-n): these scripts run detached and in CI, where a
# password prompt would hang. So privileges are checked up front and a missing
# password cache is reported with its fix instead of a bare "a password is required".
root_ok() { [[ "$(id -u)" -eq 0 ]] || { have sudo && sudo -n true 2>/dev/null; }; }

root_problem() {   # root_problem WHY: print why root is missing and the fix; false when root is at hand
  root_ok && return 1
  if ! have sudo; then
    printf '%s' "$1 needs root, and $(id -un) is not root and has no sudo.
       Run it as root, or install sudo (as root: apt-get install -y sudo; adduser $(id -un) sudo; then log in again)."
  else
    printf '%s' "$1 needs root: sudo wants a password, and these scripts never prompt (they run sudo -n).
       Run \`sudo -v\` first (it caches your password for a few minutes), then the same command again:
       sudo -v && $(_harvest_invocation)"
  fi
}

require_root() {   # require_root WHY
  local p
  if p="$(root_problem "$1")"; then die "$p"; fi
}

_harvest_invocation() {   # how the top-level script was called, for "run it again" hints
  local script="${HARVEST_TOP_SCRIPT:-$0}"
  printf '%s' "${script#"$(pwd)/"}${HARVEST_TOP_ARGS:+ $HARVEST_TOP_ARGS}"
}

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  else
    require_root "'$*'"
    sudo -n "$@"
  fi
}

# apt_install PKG... (installs as root, apt-get update first)
apt_install() {
  have apt-get || die "cannot install $* automatically: no apt-get on this machine"
  log "installing $* with apt-get (one-off)..."
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

install_hint() { printf '%sapt-get install -y %s' "$([[ "$(id -u)" -eq 0 ]] || echo 'sudo ')" "$*"; }

# The tools the two README commands need besides what a Debian minimal system has (bash, coreutils, sed,
# grep, awk, tar, util-linux), as COMMAND:DEBIAN_PACKAGE. PostgreSQL and Redis are not here: infra.sh
# installs them itself when nothing answers on their ports. A JDK >= 21 for Keycloak is checked by infra.sh.
HARVEST_TOOLS=(java:openjdk-17-jdk-headless javac:openjdk-17-jdk-headless curl:curl jq:jq openssl:openssl
  ps:procps flock:util-linux setsid:util-linux runuser:util-linux timeout:coreutils od:coreutils)

tools_problem() {   # print what is missing and the apt-get line; false when nothing is
  local spec cmd pkg missing=() pkgs=() major
  for spec in "${HARVEST_TOOLS[@]}"; do
    cmd="${spec%%:*}" pkg="${spec#*:}"
    have "$cmd" && continue
    missing+=("$cmd")
    [[ " ${pkgs[*]} " == *" $pkg "* ]] || pkgs+=("$pkg")
  done
  # https to Maven Central (the Maven wrapper's first download) needs the CA bundle
  [[ -s /etc/ssl/certs/ca-certificates.crt ]] || { missing+=("/etc/ssl/certs/ca-certificates.crt"); pkgs+=(ca-certificates); }
  if ((${#missing[@]} > 0)); then
    printf '%s' "missing on PATH: ${missing[*]} (README, 'Before the two commands'). Install with:
       $(install_hint "${pkgs[@]}")"
    return 0
  fi
  major="$(java_major java 2>/dev/null || true)"
  [[ -n "$major" ]] && ((major >= 17)) && return 1
  printf '%s' "the java on PATH is Java ${major:-?}; the services and the build need a JDK >= 17:
       $(install_hint openjdk-17-jdk-headless)"
}

require_tools() {
  local p
  if p="$(tools_problem)"; then die "$p"; fi
}

# newest_jdk MIN -> the installed JDK under /usr/lib/jvm with the highest Java version >= MIN (fails if none).
newest_jdk() {
  local home major best="" best_major=0
  for home in /usr/lib/jvm/*/; do
    home="${home%/}"
    [[ -x "$home/bin/java" && ! -L "$home" ]] || continue
    major="$(java_major "$home/bin/java" 2>/dev/null || true)"
    if [[ -n "$major" ]] && ((major >= $1 && major > best_major)); then best="$home" best_major="$major"; fi
  done
  [[ -n "$best" ]] && echo "$best"
}

# java_major JAVA_BIN -> the feature version (8, 17, 21, 25...) or nothing.
java_major() {
  local v
  v="$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)" || return 1
  [[ -n "$v" ]] || return 1
  [[ "$v" == 1.* ]] && v="${v#1.}"      # 1.8.0_x -> 8
  echo "${v%%[.+-]*}"
}

# tail_log FILE [N]: the last N lines written since the most recent start_bg
# of that log (older runs in the same file are skipped).
tail_log() {
  local file="$1" n="${2:-40}"
  if [[ -f "$file" ]]; then
    echo "----- last $n lines of $file (current run) -----" >&2
    awk '/^===== .* starting .* =====$/ {n = 0; delete buf; next} {buf[n++] = $0}
         END {for (i = 0; i < n; i++) print buf[i]}' "$file" | tail -n "$n" | sed 's/^/    /' >&2
    echo "-----" >&2
  else
    echo "(no log file at $file)" >&2
  fi
}

# ---------------------------------------------------------------- waiting ---

# tcp_open HOST PORT -> 0 if something accepts connections on HOST:PORT.
tcp_open() {
  local host="$1" port="$2"
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

wait_tcp() {
  local host="$1" port="$2" timeout="${3:-30}"
  local deadline=$((SECONDS + timeout))
  until tcp_open "$host" "$port"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.3
  done
}

# wait_http URL TIMEOUT -> 0 once URL answers with an HTTP 2xx, 1 on timeout.
wait_http() {
  local url="$1" timeout="${2:-60}"
  local deadline=$((SECONDS + timeout)) code
  have curl || die "wait_http needs curl"
  while :; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$url" 2>/dev/null || true)"
    [[ "$code" == 2?? ]] && return 0
    ((SECONDS < deadline)) || { warn "timeout waiting for $url (last HTTP status: ${code:-none})"; return 1; }
    sleep 0.5
  done
}

# ------------------------------------------------------------ pid handling ---

# pid_alive PIDFILE [PATTERN]: echo the pid if the process is running (and its
# command line contains PATTERN, to survive pid reuse); return 1 otherwise.
pid_alive() {
  local pidfile="$1" pattern="${2:-}" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(tr -dc '0-9' < "$pidfile")"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -n "$pattern" && -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$pattern" || return 1
  fi
  echo "$pid"
}

# start_bg NAME PIDFILE LOGFILE CMD...
# Starts CMD in its own session (so it survives the calling shell and its
# process group), stdin from /dev/null, stdout+stderr appended to LOGFILE.
# The pid written to PIDFILE is the pid of CMD itself (exec, no wrapper left).
start_bg() {
  local name="$1" pidfile="$2" logfile="$3"
  shift 3
  (($# > 0)) || die "start_bg $name: no command given"
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
  rm -f "$pidfile"
  printf '\n===== %s starting %s =====\n' "$(date '+%F %T')" "$name" >>"$logfile"
  # shellcheck disable=SC2016  # $$/$0/$@ belong to the inner bash
  setsid nohup bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" \
    </dev/null >>"$logfile" 2>&1 &
  disown "$!" 2>/dev/null || true   # no "Killed" job notices from this shell
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s "$pidfile" ]] && break
    sleep 0.1
  done
  [[ -s "$pidfile" ]] || die "start_bg $name: no pid file written to $pidfile"
  log "$name started (pid $(cat "$pidfile"), log $logfile)"
}

# stop_pid NAME PIDFILE [TIMEOUT] [PATTERN] -> 0 when the process is gone (or
# was not running). With PATTERN, a live pid whose command line does not
# contain it is treated as a stale pid file (pid reuse) and left alone.
# If the process leads its own process group (everything start_bg starts
# does), the whole group is signalled, so forked children (e.g. the JVM that
# `mvn quarkus:dev` spawns) go too. Removes PIDFILE.
stop_pid() {
  local name="$1" pidfile="$2" timeout="${3:-}" pattern="${4:-}" pid target
  [[ -n "$timeout" ]] || timeout="${HARVEST_STOP_TIMEOUT:-30}"
  if ! pid="$(pid_alive "$pidfile" "$pattern")"; then
    rm -f "$pidfile"
    log "$name is not running"
    return 0
  fi
  target="$pid"
  if [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]]; then
    target="-$pid"   # process group
  fi
  log "stopping $name (pid $pid, SIGTERM)"
  kill -TERM -- "$target" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while kill -0 -- "$target" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      warn "$name did not stop within ${timeout}s, sending SIGKILL"
      kill -KILL -- "$target" 2>/dev/null || true
      local reaped=$((SECONDS + 10))   # a large JVM takes a moment to be torn down
      while kill -0 "$pid" 2>/dev/null && ((SECONDS < reaped)); do sleep 0.2; done
      break
    fi
    sleep 0.3
  done
  kill -0 "$pid" 2>/dev/null && die "$name (pid $pid) is still alive"
  rm -f "$pidfile"
  log "$name stopped"
}

# Measured under a flash-sale rush on 2 shared cores (ADR 0026): ~240 MB RSS per service at start instead of ~370,
# and less CPU per request than the old -Xmx384m with C2 (the JIT's own CPU is taken from the requests there).
# -Xms64m: SerialGC's default initial heap is 1/64 of RAM (384 MB on 24 GB), a young generation every cycle touches.
# C1 only fills the default 48 MB code cache, hence 96m (reserved, not resident).
# glibc's per-thread malloc arenas kept ~110 MB after a rush; two arenas and the periodic trim give most of it back.
service_jvm_defaults() {
  SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xms64m -Xmx192m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 \
-XX:MaxHeapFreeRatio=30 -Xss512k -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=96m \
-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000}"
  SERVICE_MALLOC_ARENA_MAX="${SERVICE_MALLOC_ARENA_MAX:-2}"
}
