#!/usr/bin/env bash
# The whole marketplace on one machine, no Docker:
#
#   deploy/local/stack.sh up        infrastructure (Kafka, PostgreSQL, Redis, JWT keys, Keycloak), then the services
#                                   (packaged, built if missing or stale), waits until each is ready, loads demo data
#   deploy/local/stack.sh up --replicas 2 [--brokers 3]
#                                   N instances of every service, instance i on its port + 100*i (catalog 8181, 8281),
#                                   behind HAProxy on the usual ports 8081-8085 (deploy/local/balancer.sh: round robin,
#                                   health checks on /q/health/ready, stats on :8404/stats); --brokers goes to infra.sh
#   deploy/local/stack.sh down      stops the services (every instance, the balancer) and what infra.sh started
#   deploy/local/stack.sh status    services and infrastructure
#   deploy/local/stack.sh rebuild   package the services again (then `up`)
#
# The number of replicas is remembered in the run dir, so `down`, `status` and a later `up` need no flag.
# Environment (all optional): CATALOG_PORT (8081) LIVESTREAM_PORT (8082) ORDERS_PORT (8083) LOGISTICS_PORT (8084),
# INTEGRATIONS_PORT (8085), HARVEST_REPLICAS (as --replicas), INSTANCE_PORT_STEP (100), BALANCER_STATS_PORT (8404),
# REPLICA_DB_POOL_MAX (database connections per instance with replicas: 10 / N, at least 2),
# SERVICE_HOST (127.0.0.1), SERVICE_JAVA_OPTS (a small heap, C1 only, native heap trimmed: ADR 0026),
# SERVICE_MALLOC_ARENA_MAX (2), HARVEST_SKIP_DEMO=1 to start without demo data,
# HARVEST_PROFILE (prod,local: prod plus trust in the local mint-token.sh key; "prod" trusts Keycloak only), plus
# everything infra.sh reads (KAFKA_PORT, PGHOST, REDIS_HOST, HARVEST_RUN_DIR, ...).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR
source "$SCRIPT_DIR/lib.sh"
# shellcheck disable=SC2034  # read by lib.sh's log()
HARVEST_LOG_TAG=stack

REPO="$(repo_root)"
RUN="$(run_dir)"
SERVICES=(catalog livestream orders logistics integrations)
SERVICE_HOST="${SERVICE_HOST:-127.0.0.1}"
# The services' JVM flags and malloc arenas (ADR 0026): SERVICE_JAVA_OPTS / SERVICE_MALLOC_ARENA_MAX from lib.sh.
service_jvm_defaults

port_of() {
  case "$1" in
    catalog) echo "${CATALOG_PORT:-8081}" ;;
    livestream) echo "${LIVESTREAM_PORT:-8082}" ;;
    orders) echo "${ORDERS_PORT:-8083}" ;;
    logistics) echo "${LOGISTICS_PORT:-8084}" ;;
    integrations) echo "${INTEGRATIONS_PORT:-8085}" ;;
  esac
}
url_of() { echo "http://$SERVICE_HOST:$(port_of "$1")"; }   # the service's address: the balancer's, with replicas
INSTANCE_PORT_STEP="${INSTANCE_PORT_STEP:-100}"
REPLICAS_FILE="$RUN/stack.replicas"

replica_count() {   # the --replicas flag, else HARVEST_REPLICAS, else what the last `up` remembered, else 1
  local n="${REPLICAS_FLAG:-${HARVEST_REPLICAS:-}}"
  [[ -n "$n" ]] || n="$(cat "$REPLICAS_FILE" 2>/dev/null || echo 1)"
  [[ "$n" =~ ^[1-9]$ ]] || die "--replicas $n: 1 to 9"
  echo "$n"
}

# instance SVC I: point INSTANCE_* at instance I (1..REPLICAS) of SVC; one replica keeps the single-instance layout.
instance() {
  if ((REPLICAS == 1)); then
    INSTANCE_NAME="$1" INSTANCE_PORT="$(port_of "$1")"
  else
    INSTANCE_NAME="$1-$2" INSTANCE_PORT=$(($(port_of "$1") + INSTANCE_PORT_STEP * $2))
  fi
  INSTANCE_PIDFILE="$RUN/pids/$INSTANCE_NAME.pid" INSTANCE_LOG="$RUN/logs/$INSTANCE_NAME.log"
  INSTANCE_URL="http://$SERVICE_HOST:$INSTANCE_PORT"
}

balancer_specs() {   # catalog=8081:8181,8281 ... for balancer.sh
  local svc i ports
  for svc in "${SERVICES[@]}"; do
    ports=()
    for ((i = 1; i <= REPLICAS; i++)); do instance "$svc" "$i"; ports+=("$INSTANCE_PORT"); done
    printf '%s=%s:%s\n' "$svc" "$(port_of "$svc")" "$(IFS=,; echo "${ports[*]}")"
  done
}

# Every broker infra.sh runs (one, or a cluster's three), so a service starts even while one broker is down.
kafka_bootstrap() {
  "$SCRIPT_DIR/infra.sh" env | sed -n "s/^export KAFKA_BOOTSTRAP_SERVERS='\(.*\)'$/\1/p"
}
jar_of() { echo "$REPO/services/$1/target/quarkus-app/quarkus-run.jar"; }

stale() {   # stale SERVICE: the packaged jar is missing or older than a source of the service or the platform
  local jar
  jar="$(jar_of "$1")"
  [[ -f "$jar" ]] || return 0
  [[ -n "$(find "$REPO/services/$1/src/main" "$REPO/services/platform/src/main" -newer "$jar" -type f -print -quit)" ]]
}

build() {
  log "packaging the services (./mvnw package -DskipTests) ..."
  (cd "$REPO" && ./mvnw -B -q package -DskipTests) || die "build failed"
}

# The key mint-token.sh signs with, as base64 DER: the "local" profile trusts it beside Keycloak (never prod).
local_public_key() { sed '/-----/d' "$RUN/jwt/publicKey.pem" | tr -d '\n'; }

start_service() {   # start_service SVC I: instance I of SVC
  local svc="$1"
  instance "$svc" "$2"
  if pid_alive "$INSTANCE_PIDFILE" quarkus-run.jar >/dev/null; then
    log "$INSTANCE_NAME already running on $INSTANCE_PORT"
    return 0
  fi
  # N instances share the connections one instance would have (PostgreSQL's 100, docs/architecture.md): 10 / N each.
  local pool_env=()
  if ((REPLICAS > 1)); then pool_env=(DB_POOL_MAX="${REPLICA_DB_POOL_MAX:-$(( 10 / REPLICAS > 2 ? 10 / REPLICAS : 2 ))}"); fi
  # shellcheck disable=SC2086  # SERVICE_JAVA_OPTS is a list of JVM flags
  HTTP_PORT="$INSTANCE_PORT" MALLOC_ARENA_MAX="$SERVICE_MALLOC_ARENA_MAX" \
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" \
    DB_HOST="${PGHOST:-127.0.0.1}" DB_PORT="${PGPORT:-5432}" \
    REDIS_HOST="${REDIS_HOST:-127.0.0.1}" REDIS_PORT="${REDIS_PORT:-6379}" \
    QUARKUS_PROFILE="${HARVEST_PROFILE:-prod,local}" \
    OIDC_AUTH_SERVER_URL="${OIDC_AUTH_SERVER_URL:-http://127.0.0.1:${KEYCLOAK_PORT:-8180}/realms/harvest}" \
    LOCAL_JWT_ISSUER="${HARVEST_JWT_ISSUER:-https://harvest.live/local}" \
    LOCAL_JWT_PUBLIC_KEY="$(local_public_key)" \
    CATALOG_URL="$(url_of catalog)" LIVESTREAM_URL="$(url_of livestream)" \
    ORDERS_URL="$(url_of orders)" LOGISTICS_URL="$(url_of logistics)" \
    KEYCLOAK_URL="http://127.0.0.1:${KEYCLOAK_PORT:-8180}" \
    start_bg "$INSTANCE_NAME" "$INSTANCE_PIDFILE" "$INSTANCE_LOG" \
    env "${pool_env[@]+"${pool_env[@]}"}" java $SERVICE_JAVA_OPTS -jar "$(jar_of "$svc")"
}

up() {
  require_tools                      # the same list as infra.sh; its `up` checks root and Keycloak's JDK too
  "$SCRIPT_DIR/infra.sh" up ${BROKERS_FLAG:+--brokers "$BROKERS_FLAG"}
  local svc i need_build=0
  for svc in "${SERVICES[@]}"; do
    if stale "$svc"; then need_build=1; fi
  done
  if ((need_build)); then build; fi
  echo "$REPLICAS" >"$REPLICAS_FILE"
  KAFKA_BOOTSTRAP="$(kafka_bootstrap)"
  for svc in "${SERVICES[@]}"; do
    for ((i = 1; i <= REPLICAS; i++)); do start_service "$svc" "$i"; done
  done
  for svc in "${SERVICES[@]}"; do
    for ((i = 1; i <= REPLICAS; i++)); do
      instance "$svc" "$i"
      wait_http "$INSTANCE_URL/q/health/ready" 180 || { tail_log "$INSTANCE_LOG" 40; die "$INSTANCE_NAME did not become ready"; }
      log "$INSTANCE_NAME ready"
    done
  done
  if ((REPLICAS > 1)); then
    # shellcheck disable=SC2046  # one spec per line
    "$SCRIPT_DIR/balancer.sh" up $(balancer_specs)
    for svc in "${SERVICES[@]}"; do
      wait_http "$(url_of "$svc")/q/health/ready" 30 || die "the balancer does not reach a ready $svc"
    done
  fi
  if [[ "${HARVEST_SKIP_DEMO:-0}" != 1 ]]; then load_demo; fi
  table
}

load_demo() {
  local script
  for script in catalog logistics livestream; do
    if [[ -x "$SCRIPT_DIR/demo/$script.sh" ]]; then
      log "loading demo data: $script"
      CATALOG_URL="$(url_of catalog)" LIVESTREAM_URL="$(url_of livestream)" ORDERS_URL="$(url_of orders)" \
        LOGISTICS_URL="$(url_of logistics)" "$SCRIPT_DIR/demo/$script.sh" >>"$RUN/logs/demo.log" 2>&1 \
        || { tail_log "$RUN/logs/demo.log" 30; die "demo data $script failed"; }
    fi
  done
}

down() {
  local svc i
  [[ -f "$RUN/pids/haproxy.pid" ]] && "$SCRIPT_DIR/balancer.sh" down
  for svc in "${SERVICES[@]}"; do
    for ((i = 1; i <= REPLICAS; i++)); do
      instance "$svc" "$i"
      stop_pid "$INSTANCE_NAME" "$INSTANCE_PIDFILE" 30 quarkus-run.jar
    done
  done
  "$SCRIPT_DIR/infra.sh" down
}

table() {
  local svc state i
  printf '\n%-13s %-24s %-8s %s\n' SERVICE URL STATE "DOCS"
  for svc in "${SERVICES[@]}"; do
    state=down
    if curl -s -o /dev/null -f --max-time 2 "$(url_of "$svc")/q/health/ready"; then state=ready; fi
    printf '%-13s %-24s %-8s %s\n' "$svc" "$(url_of "$svc")" "$state" "$(url_of "$svc")/q/swagger-ui  $(url_of "$svc")/q/openapi"
    for ((i = 1; REPLICAS > 1 && i <= REPLICAS; i++)); do
      instance "$svc" "$i"
      state=down
      if curl -s -o /dev/null -f --max-time 2 "$INSTANCE_URL/q/health/ready"; then state=ready; fi
      printf '  %-14s %-21s %-8s %s\n' "$INSTANCE_NAME" "$INSTANCE_URL" "$state" "log $INSTANCE_LOG"
    done
  done
  ((REPLICAS == 1)) || printf '\nHAProxy in front of %d instances each: http://127.0.0.1:%s/stats\n' "$REPLICAS" "${BALANCER_STATS_PORT:-8404}"
  printf '\nKafka %s:%s  PostgreSQL %s:%s  Redis %s:%s  logs %s/logs\n' "${KAFKA_HOST:-127.0.0.1}" "${KAFKA_PORT:-9092}" \
    "${PGHOST:-127.0.0.1}" "${PGPORT:-5432}" "${REDIS_HOST:-127.0.0.1}" "${REDIS_PORT:-6379}" "$RUN"
  printf 'Keycloak %s (realm harvest)  tokens: deploy/local/token.sh user buyer | client partner-courier\n' \
    "http://127.0.0.1:${KEYCLOAK_PORT:-8180}"
  printf 'Local test tokens: deploy/local/mint-token.sh admin   (roles: consumer seller operator partner admin)\n\n'
}

export HARVEST_TOP_SCRIPT="$0" HARVEST_TOP_ARGS="$*"   # "run it again" hints name stack.sh, not infra.sh
CMD="${1:-}"
(($# > 0)) && shift
while (($# > 0)); do
  case "$1" in
    --replicas) (($# > 1)) || die "--replicas needs a number"; REPLICAS_FLAG="$2"; shift 2 ;;
    --brokers) (($# > 1)) || die "--brokers needs a number"; BROKERS_FLAG="$2"; shift 2 ;;
    *) die "unknown argument '$1' (expected --replicas N or --brokers N)" ;;
  esac
done
REPLICAS="$(replica_count)"
case "$CMD" in
  up) up ;;
  down) down ;;
  status) table; "$SCRIPT_DIR/infra.sh" status || true ;;
  rebuild) build ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
