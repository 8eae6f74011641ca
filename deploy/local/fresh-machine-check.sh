#!/usr/bin/env bash
# Runs the README's two commands on a fresh Debian 12 machine, without touching this one (run as root):
#
#   deploy/local/fresh-machine-check.sh [--cold] [--keep] [--tests-infra-only]
#
# 1. a clean Debian 12 root (debootstrap --variant=minbase, cached as a tarball under $HARVEST_FRESH_CACHE);
# 2. only the README's prerequisites installed in it: the `sudo apt-get install -y ...` line of "Before the two
#    commands", plus a JDK >= 21 copied from this machine (Debian 12 has none and the Adoptium repository is not
#    reachable from here; the README names it as installed by hand);
# 3. this repository cloned into it at HARVEST_FRESH_REF (default HEAD: committed work only);
# 4. in the root, in a network namespace of its own (veth + NAT to reach Debian's packages and Maven Central), a PID
#    namespace of its own and a private mount namespace: `deploy/local/infra.sh check` on the bare root (it must name
#    the missing packages), the apt-get line, `deploy/local/stack.sh up`, a request through the gateway of the demo
#    data, `./mvnw -B verify` with the stack up (the README's order), `deploy/local/stack.sh down`.
# It prints each step's wall time and writes them to $HARVEST_FRESH_CACHE/last-result.md. Exit 0 only if every step
# passed. Its PostgreSQL, Redis, Kafka, Keycloak and services listen on the namespace's own loopback: the host's
# servers on the same ports are never seen, and the check verifies they kept running (same pids).
#
# Options
#   --cold              an empty Maven repository (otherwise $HARVEST_FRESH_CACHE/m2, kept between runs)
#   --keep              keep the root ($HARVEST_FRESH_WORK/root) for a look afterwards
#   --tests-infra-only  run the tests after `stack.sh down; infra.sh up` instead of with the stack up
#
# Environment (all optional)
#   HARVEST_FRESH_CACHE         debootstrap tarball, Maven repository, apt archives   (/var/cache/harvest-fresh)
#   HARVEST_FRESH_WORK          where the root is unpacked (deleted at the end)        (/var/tmp/harvest-fresh)
#   HARVEST_FRESH_REF           the commit to clone                                   (HEAD)
#   HARVEST_FRESH_JDK21         a JDK >= 21 of this machine to copy in                (newest /usr/lib/jvm/* >= 21)
#   HARVEST_FRESH_M2_SEED       a Maven repository to copy into an empty cache first  (none: a cold first run)
#   HARVEST_FRESH_MIRROR        Debian mirror                                         (http://deb.debian.org/debian)
#   HARVEST_FRESH_NET           the /30 of the veth pair, as A.B.C (host .1, root .2)  (10.213.17)
#   HARVEST_FRESH_TEST_TIMEOUT  seconds for ./mvnw -B verify                          (5400)
#   HARVEST_FRESH_STEPS         the steps inside the root, in order
#                               (preflight-bare apt-prereqs preflight stack-up try-it tests stack-down)
# shellcheck disable=SC2317  # the step functions are called through step/trap, which shellcheck does not follow
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR
source "$SCRIPT_DIR/lib.sh"
# shellcheck disable=SC2034  # read by lib.sh's log()
HARVEST_LOG_TAG=fresh

REPO="$(repo_root)"
CACHE="${HARVEST_FRESH_CACHE:-/var/cache/harvest-fresh}"
WORK="${HARVEST_FRESH_WORK:-/var/tmp/harvest-fresh}"
ROOT="$WORK/root"
MIRROR="${HARVEST_FRESH_MIRROR:-http://deb.debian.org/debian}"
REF="${HARVEST_FRESH_REF:-HEAD}"
NET="${HARVEST_FRESH_NET:-10.213.17}"
TEST_TIMEOUT="${HARVEST_FRESH_TEST_TIMEOUT:-5400}"
STEPS="${HARVEST_FRESH_STEPS:-preflight-bare apt-prereqs preflight stack-up try-it tests stack-down}"
NS="harvest-fresh"
VETH_HOST="hfresh0" VETH_NS="hfresh1"
BASE_TAR="$CACHE/debian12-minbase.tar.gz"
HOST_PORTS=(5432 6379 9092 8180)   # the shared servers this check must leave alone

cold=0 keep=0 tests_infra_only=0
while (($# > 0)); do
  case "$1" in
    --cold) cold=1 ;;
    --keep) keep=1 ;;
    --tests-infra-only) tests_infra_only=1 ;;
    *) awk 'NR > 1 && !/^#/ {exit} NR > 1 {sub(/^# ?/, ""); print}' "$0" >&2; exit 2 ;;
  esac
  shift
done

[[ "$(id -u)" -eq 0 ]] || die "run it as root: it uses debootstrap, chroot, mount and network namespaces"
[[ "$WORK" == /* && "$WORK" != / && "$ROOT" != "$REPO"* ]] || die "HARVEST_FRESH_WORK must be an absolute path outside the repo"

# ------------------------------------------------------------- the report ---
STEP_NAMES=() STEP_SECS=() STEP_RESULTS=()
RESULT="$CACHE/last-result.md"
record() { STEP_NAMES+=("$1"); STEP_SECS+=("$2"); STEP_RESULTS+=("$3"); log "step $1: $3 in $(fmt_secs "$2")"; }
fmt_secs() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

step() {   # step NAME CMD... : run a host-side step (in a subshell, errexit on), timed; a failure ends the check
  local name="$1" t0=$SECONDS rc=0
  shift
  log "step $name ..."
  set +e
  (set -e; "$@")
  rc=$?
  set -e
  record "$name" $((SECONDS - t0)) "$( ((rc == 0)) && echo ok || echo "FAILED (exit $rc)")"
  ((rc == 0)) || exit "$rc"
}

report() {
  local i total=0 commit
  commit="$(git -C "$REPO" rev-parse --short "$REF" 2>/dev/null || echo '?')"
  {
    echo "# Fresh-machine check, $(date -u '+%F %H:%M UTC')"
    echo
    echo "Commit $commit; Debian root: $base_state; apt archives: $apt_state; Maven repository: $m2_state;"
    echo "tests: $( ((tests_infra_only)) && echo 'after stack.sh down; infra.sh up' || echo 'with the stack up'); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "| step | wall time | result |"
    echo "|---|---|---|"
    for i in "${!STEP_NAMES[@]}"; do
      echo "| ${STEP_NAMES[$i]} | $(fmt_secs "${STEP_SECS[$i]}") | ${STEP_RESULTS[$i]} |"
      total=$((total + STEP_SECS[i]))
    done
    echo "| **total** | $(fmt_secs "$total") | |"
  } >"$RESULT.tmp"
  mv "$RESULT.tmp" "$RESULT"
  echo >&2
  cat "$RESULT" >&2
  echo "(logs: $CACHE/logs/)" >&2
}

# ------------------------------------------------------------ the network ---
old_forward=""
net_up() {
  net_down_quietly
  ip netns add "$NS"
  ip link add "$VETH_HOST" type veth peer name "$VETH_NS"
  ip link set "$VETH_NS" netns "$NS"
  ip addr add "$NET.1/30" dev "$VETH_HOST"
  ip link set "$VETH_HOST" up
  ip -n "$NS" addr add "$NET.2/30" dev "$VETH_NS"
  ip -n "$NS" link set "$VETH_NS" up
  ip -n "$NS" link set lo up
  ip -n "$NS" route add default via "$NET.1"
  old_forward="$(cat /proc/sys/net/ipv4/ip_forward)"
  echo 1 >/proc/sys/net/ipv4/ip_forward
  iptables -t nat -A POSTROUTING -s "$NET.0/30" -j MASQUERADE -m comment --comment harvest-fresh
  iptables -A FORWARD -i "$VETH_HOST" -j ACCEPT -m comment --comment harvest-fresh
  iptables -A FORWARD -o "$VETH_HOST" -m state --state RELATED,ESTABLISHED -j ACCEPT -m comment --comment harvest-fresh
}

net_down_quietly() {
  # An interrupted run may leave the root's session alive: its PID 1 first (that ends the whole PID namespace).
  local pid
  for pid in $(ip netns pids "$NS" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
  iptables -t nat -D POSTROUTING -s "$NET.0/30" -j MASQUERADE -m comment --comment harvest-fresh 2>/dev/null || true
  iptables -D FORWARD -i "$VETH_HOST" -j ACCEPT -m comment --comment harvest-fresh 2>/dev/null || true
  iptables -D FORWARD -o "$VETH_HOST" -m state --state RELATED,ESTABLISHED -j ACCEPT -m comment --comment harvest-fresh 2>/dev/null || true
  ip link del "$VETH_HOST" 2>/dev/null || true
  ip netns del "$NS" 2>/dev/null || true
  if [[ -n "$old_forward" ]]; then echo "$old_forward" >/proc/sys/net/ipv4/ip_forward; old_forward=""; fi
}

# ------------------------------------------------------------- host steps ---
host_tools() {
  local pkgs=()
  have debootstrap || pkgs+=(debootstrap)
  have iptables || pkgs+=(iptables)
  have git || pkgs+=(git)
  ((${#pkgs[@]} == 0)) && return 0
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
}

base_root() {
  if [[ -s "$BASE_TAR" ]]; then log "using the cached Debian 12 root $BASE_TAR"; return 0; fi
  local tmp="$CACHE/bootstrap.tmp"
  rm -rf "$tmp"
  debootstrap --variant=minbase bookworm "$tmp" "$MIRROR" >"$CACHE/logs/debootstrap.log" 2>&1 \
    || { tail -n 20 "$CACHE/logs/debootstrap.log" >&2; return 1; }
  tar -C "$tmp" -czf "$BASE_TAR.tmp" . && mv "$BASE_TAR.tmp" "$BASE_TAR"
  rm -rf "$tmp"
}

# rm -rf of a root with something mounted in it would delete through the mount: never do that.
remove_root() {
  [[ -d "$ROOT" ]] || return 0
  if grep -qF " $ROOT" /proc/self/mountinfo; then
    warn "something is still mounted under $ROOT; leaving it (see: grep $ROOT /proc/self/mountinfo)"
    return 1
  fi
  rm -rf "$ROOT"
}

unpack_root() {
  remove_root
  mkdir -p "$ROOT"
  tar -C "$ROOT" -xzf "$BASE_TAR"
  cat >"$ROOT/etc/apt/sources.list" <<EOF
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb ${MIRROR%/debian}/debian-security bookworm-security main
EOF
  cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
  echo harvest-fresh >"$ROOT/etc/hostname"
}

copy_jdk21() {
  local home="${HARVEST_FRESH_JDK21:-}"
  [[ -n "$home" ]] || home="$(newest_jdk 21)" \
    || { warn "no JDK >= 21 on this machine to copy in (set HARVEST_FRESH_JDK21)"; return 1; }
  mkdir -p "$ROOT/usr/lib/jvm"
  cp -a "$home" "$ROOT/usr/lib/jvm/"
  log "copied $home (Java $(java_major "$home/bin/java")) to the root's /usr/lib/jvm (the README's hand-installed JDK >= 21)"
}

clone_repo() {
  local commit
  commit="$(git -C "$REPO" rev-parse --verify "$REF^{commit}")" || return 1
  git clone -q --no-checkout --no-hardlinks "$REPO" "$ROOT/root/harvest-live"
  git -C "$ROOT/root/harvest-live" -c advice.detachedHead=false checkout -q "$commit"
  log "cloned $commit ($(git -C "$REPO" log -1 --format=%s "$commit" | cut -c1-80))"
}

m2_state="" base_state="" apt_state=""
prepare_caches() {
  mkdir -p "$CACHE/apt-archives/partial"
  if ((cold)); then
    rm -rf "$WORK/m2-cold"; mkdir -p "$WORK/m2-cold"
    M2_DIR="$WORK/m2-cold"; m2_state="cold (empty)"
    return 0
  fi
  M2_DIR="$CACHE/m2"
  if [[ ! -d "$M2_DIR/repository" && -n "${HARVEST_FRESH_M2_SEED:-}" ]]; then
    log "seeding $M2_DIR from $HARVEST_FRESH_M2_SEED (once)"
    mkdir -p "$M2_DIR"
    cp -a "$HARVEST_FRESH_M2_SEED/." "$M2_DIR/"
    m2_state="seeded from $HARVEST_FRESH_M2_SEED"
  elif [[ -d "$M2_DIR/repository" ]]; then
    m2_state="warm (the cache of earlier runs, $(du -sh "$M2_DIR" | cut -f1))"
  else
    m2_state="cold (first run; cached for the next)"
  fi
  mkdir -p "$M2_DIR"
}

# Which process listens on each shared port (pid per port), to prove the check left them alone.
host_listeners() {
  local port
  for port in "${HOST_PORTS[@]}"; do
    printf '%s=%s ' "$port" "$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | sort -u | tr '\n' ',' )"
  done
}

# ----------------------------------------------------- inside the new root ---
# The steps run in one session (the stack started by one step serves the next), as root in the chroot, in a
# PID namespace of its own (when it ends, every daemon it started ends too, and nothing of the host is visible
# to kill) and a private mount namespace (proc, sys, dev and the caches are mounted there only, so they vanish
# with it; nothing is mounted in the host's namespace).
write_inner() {
  mkdir -p "$ROOT/fresh"
  local prereqs
  prereqs="$(sed -n 's/^sudo apt-get install -y //p' "$ROOT/root/harvest-live/README.md" | head -n1)"
  [[ -n "$prereqs" ]] || { warn "no 'sudo apt-get install -y ...' line in the cloned README"; return 1; }
  if ! grep -qF 'deploy/local/stack.sh up' "$ROOT/root/harvest-live/README.md" \
      || ! grep -qF './mvnw -B verify' "$ROOT/root/harvest-live/README.md"; then
    warn "the cloned README no longer shows 'deploy/local/stack.sh up' and './mvnw -B verify'"; return 1
  fi
  cat >"$ROOT/fresh/steps.sh" <<EOF
#!/bin/bash
# Written by fresh-machine-check.sh: the steps inside the fresh root.
set -uo pipefail
cd /root/harvest-live
PREREQS="$prereqs"
TEST_TIMEOUT=$TEST_TIMEOUT
TESTS_INFRA_ONLY=$tests_infra_only
EOF
  cat >>"$ROOT/fresh/steps.sh" <<'EOF'
export DEBIAN_FRONTEND=noninteractive
run() {   # run NAME CMD...: one step, its output in /fresh/logs/NAME.log, its time in /fresh/steps.tsv
  local name="$1" t0=$SECONDS rc=0
  shift
  echo "$(date +%T) step $name: $*"
  "$@" >"/fresh/logs/$name.log" 2>&1 || rc=$?
  printf '%s\t%s\t%s\n' "$name" $((SECONDS - t0)) "$rc" >>/fresh/steps.tsv
  echo "$(date +%T) step $name: exit $rc after $((SECONDS - t0))s"
  tail -n 5 "/fresh/logs/$name.log" | sed 's/^/    /'
  return "$rc"
}
# On the bare root the check must fail and name the apt-get line (it runs before java even exists).
preflight_bare() {
  if deploy/local/infra.sh check; then echo "infra.sh check passed on a bare root"; return 1; fi
}
apt_prereqs() { apt-get update -q && apt-get install -y -q --no-install-recommends $PREREQS; }
try_it() {   # the README's first request, and a demo seller's token against demo data
  curl -sf 'localhost:8081/api/v1/products?category=TEA&sort=price_asc' | jq -e '.items | length > 0' \
    && curl -sf localhost:8081/api/v1/sellers/5e11e500-0000-4000-8000-00000000000a | jq -e .displayName \
    && deploy/local/token.sh user buyer | cut -c1-20 \
    && deploy/local/stack.sh status
}
tests() {
  if ((TESTS_INFRA_ONLY)); then deploy/local/stack.sh down && deploy/local/infra.sh up || return 1; fi
  timeout "$TEST_TIMEOUT" ./mvnw -B verify
}
stack_down() {   # down must stop everything it started and forget nothing
  deploy/local/stack.sh down || return 1
  ls .run/state/
  [[ -z "$(ls -A .run/state/)" ]]
}
mkdir -p /fresh/logs
: >/fresh/steps.tsv
for step in "$@"; do
  case "$step" in
    preflight-bare) run preflight-bare preflight_bare || exit 1 ;;
    apt-prereqs)    run apt-prereqs apt_prereqs || exit 1 ;;
    preflight)      run preflight deploy/local/infra.sh check || exit 1 ;;
    stack-up)       run stack-up deploy/local/stack.sh up || exit 1 ;;
    try-it)         run try-it try_it || exit 1 ;;
    tests)          run tests tests ;;                 # go on to stack-down either way
    stack-down)     run stack-down stack_down || exit 1 ;;
    *) echo "unknown step $step"; exit 2 ;;
  esac
done
! grep -qv $'\t0$' /fresh/steps.tsv
EOF
  chmod +x "$ROOT/fresh/steps.sh"
}

run_inner() {
  # shellcheck disable=SC2016  # expanded by the inner bash
  ip netns exec "$NS" unshare --mount --propagation private --pid --fork --kill-child bash -c '
    set -euo pipefail
    root=$1 m2=$2 apt=$3; shift 3
    mount -t proc proc "$root/proc"
    mount -t sysfs -o ro sysfs "$root/sys"
    mount -t tmpfs -o mode=755,size=64k tmpfs "$root/dev"
    for n in null zero full random urandom tty; do touch "$root/dev/$n"; mount --bind "/dev/$n" "$root/dev/$n"; done
    mkdir -p "$root/dev/pts" "$root/dev/shm"
    mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
    ln -s pts/ptmx "$root/dev/ptmx"
    mount -t tmpfs -o mode=1777,size=1g tmpfs "$root/dev/shm"
    ln -s /proc/self/fd "$root/dev/fd"
    mkdir -p "$root/root/.m2"
    mount --bind "$m2" "$root/root/.m2"
    mount --bind "$apt" "$root/var/cache/apt/archives"
    exec chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root LANG=C.UTF-8 TERM=dumb \
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/bash /fresh/steps.sh "$@"
  ' inner "$ROOT" "$M2_DIR" "$CACHE/apt-archives" "$@"
}

inner_steps() {
  local rc=0 name secs code
  # shellcheck disable=SC2086  # one word per step
  run_inner $STEPS 2>&1 | tee "$CACHE/logs/inner.log" | sed -u 's/^/  | /' >&2 || rc=$?
  cp -r "$ROOT/fresh/logs/." "$CACHE/logs/" 2>/dev/null || true
  cp -r "$ROOT/root/harvest-live/.run/logs" "$CACHE/logs/run" 2>/dev/null || true   # the servers' own logs
  while IFS=$'\t' read -r name secs code; do
    record "$name" "$secs" "$( ((code == 0)) && echo ok || echo "FAILED (exit $code)")"
  done <"$ROOT/fresh/steps.tsv"
  return "$rc"
}

host_untouched() {
  local after
  after="$(host_listeners)"
  log "host listeners before: $listeners_before"
  log "host listeners after:  $after"
  [[ "$after" == "$listeners_before" ]] || { warn "the host's listeners on ${HOST_PORTS[*]} changed"; return 1; }
}

cleanup() {
  local rc=$?
  net_down_quietly
  if ((keep)); then log "root kept at $ROOT"; else remove_root || true; rm -rf "$WORK/m2-cold"; fi
  ((${#STEP_NAMES[@]} == 0)) || report
  exit "$rc"
}

# ------------------------------------------------------------------- main ---
mkdir -p "$CACHE/logs"
rm -rf "$CACHE"/logs/*.log "$CACHE/logs/run"
trap cleanup EXIT
trap 'exit 130' INT TERM
listeners_before="$(host_listeners)"
base_state="built now (debootstrap)"
[[ -s "$BASE_TAR" ]] && base_state="cached tarball of $(date -r "$BASE_TAR" '+%F %H:%M')"
apt_state="$(find "$CACHE/apt-archives" -name '*.deb' 2>/dev/null | wc -l) .deb cached before the run"
step host-tools host_tools
step debian-root base_root
step unpack unpack_root
step jdk21 copy_jdk21
step clone clone_repo
prepare_caches
write_inner
net_up
rc=0
inner_steps || rc=$?
step host-untouched host_untouched
exit "$rc"
