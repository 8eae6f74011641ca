#!/usr/bin/env bash
# Plays a live flash sale against the running stack (deploy/local/stack.sh up) at a visible scale, with progress,
# and prints a report: attempts, accepted, sold out, oversell (must be 0), orders delivered, GMV, time per stage.
#
#   deploy/local/demo-flash-sale.sh [--units 500] [--buyers 5000] [--attempts 1] [--limit 2] [--concurrency 64]
#
# Each run creates its own county network, seller, product, stream and buyers, so it can be repeated.
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR
source "$SCRIPT_DIR/lib.sh"
# shellcheck disable=SC2034
HARVEST_LOG_TAG=demo
REPO="$(repo_root)"
RUN="$(run_dir)"

props=()
while (($# > 0)); do
  case "$1" in
    --units|--buyers|--attempts|--limit|--concurrency|--price)
      [[ "${2:-}" =~ ^[0-9]+$ ]] || die "$1 needs a number"
      props+=("-D${1#--}=$2"); shift 2 ;;
    *) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done

[[ -f "$RUN/jwt/privateKey.pem" ]] || die "no local signing key: start the stack first (deploy/local/stack.sh up)"
jar="$REPO/services/e2e/target/e2e-1.0.0-SNAPSHOT.jar"
cp_file="$REPO/services/e2e/target/demo-classpath.txt"
if [[ ! -f "$jar" || ! -f "$cp_file" ]]; then
  log "building the scenario (services/e2e) ..."
  (cd "$REPO" && ./mvnw -B -q package -DskipTests -pl services/e2e -am) || die "build failed"
fi
for svc in catalog livestream orders logistics; do
  curl -sf -o /dev/null "http://127.0.0.1:$(case $svc in catalog) echo "${CATALOG_PORT:-8081}";; livestream) echo "${LIVESTREAM_PORT:-8082}";; orders) echo "${ORDERS_PORT:-8083}";; logistics) echo "${LOGISTICS_PORT:-8084}";; esac)/q/health/ready" \
    || die "$svc is not ready: start the stack first (deploy/local/stack.sh up)"
done
exec java -Xmx512m "${props[@]}" -DsigningKey="file:$RUN/jwt/privateKey.pem" \
  -cp "$jar:$(cat "$cp_file")" live.harvest.e2e.DemoMain
