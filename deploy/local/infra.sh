#!/usr/bin/env bash
# Local, Docker-less infrastructure for Harvest Live.
#
#   deploy/local/infra.sh up     [--brokers N] [jwt|postgres|redis|kafka|keycloak ...]   (default: all)
#   deploy/local/infra.sh down   [--brokers N] [keycloak|kafka|redis|postgres ...]       (default: all)
#   deploy/local/infra.sh status [--brokers N]
#   deploy/local/infra.sh check  [jwt|postgres|redis|kafka|keycloak ...]   # what `up` would miss, with the fix
#   deploy/local/infra.sh env                     # print shell exports for the services
#   deploy/local/infra.sh kafka ALIAS|CLASS ARGS  # run a Kafka CLI tool, e.g.
#        infra.sh kafka topics --bootstrap-server 127.0.0.1:9092 --list
#   deploy/local/infra.sh reset-kafka             # stop Kafka and wipe its data
#   deploy/local/infra.sh reset-keycloak          # stop Keycloak and wipe its data (the realm
#                                                 # file is re-imported on the next `up`)
#
# What `up` does
#   kafka     single-node KRaft broker+controller (Apache Kafka 4.3.1 jars from
#             Maven Central, resolved once via deploy/local/kafka/pom.xml),
#             storage formatted once, runs detached with a pid file.
#             --brokers 3: a 3-node cluster instead, each node broker and
#             controller (a static 3-voter quorum: one node may die), client
#             ports KAFKA_PORT, +2, +4 (9092/9094/9096), controller ports
#             KAFKA_CONTROLLER_PORT, +2, +4 (9093/9095/9097), replication
#             factor 3 (internal topics too), min.insync.replicas 2; node i
#             in kafka/node-i/, pids/kafka-i.pid, logs/kafka-i.log. The number
#             is remembered: down/status/env and a later up need no flag.
#   postgres  reuses a running server; otherwise installs (apt) / starts the
#             local cluster. Then creates, idempotently, role harvest_<svc>
#             (password "harvest") and databases harvest_<svc>, harvest_<svc>_test, harvest_<svc>_e2e
#             and harvest_<svc>_scale (the scale-out drill, ScaleOutIT) for every service.
#   redis     reuses a running server; otherwise installs (apt) / starts one.
#   jwt       RSA key pair for local token signing (see mint-token.sh).
#   keycloak  Keycloak (official keycloak-quarkus-dist zip from Maven Central,
#             fetched once via deploy/local/keycloak/pom.xml, unpacked into
#             .run/keycloak/) in start-dev mode (dev-file database), realm
#             "harvest" imported from deploy/local/keycloak/harvest-realm.json.
#             Needs a JDK >= 21 (only for Keycloak; see KEYCLOAK_JAVA_HOME).
#             Get tokens with deploy/local/token.sh.
# `down` stops Kafka, Keycloak and only the PostgreSQL/Redis that this script started; what it could
# not stop (e.g. PostgreSQL without root) stays remembered and `down` exits non-zero.
#
# Before `up` starts anything it checks the tools (README, "Before the two commands"), a JDK >= 21 for
# Keycloak and root: installing or starting PostgreSQL/Redis runs apt-get/pg_ctlcluster as root, via
# `sudo -n` when not root, so a user whose sudo wants a password is told to run `sudo -v` first.
#
# Environment (all optional)
#   HARVEST_RUN_DIR        run dir for everything runtime          (<repo>/.run)
#   KAFKA_HOST             broker bind/advertised host              (127.0.0.1)
#   KAFKA_ADVERTISED_HOST  host advertised to clients               ($KAFKA_HOST)
#   KAFKA_PORT             PLAINTEXT client port (of node 1)        (9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port (of node 1)        (9093)
#   KAFKA_BROKERS          as --brokers                             (1, or what the last up remembered)
#   KAFKA_HEAP_OPTS        broker heap                              (-Xms256m -Xmx512m)
#   KAFKA_OPTS             extra JVM options for the broker
#   KAFKA_START_TIMEOUT    seconds to wait for the broker           (180)
#   KAFKA_CLUSTER_ID       cluster id used on first format          (random)
#   PGHOST / PGPORT        PostgreSQL                               (127.0.0.1 / 5432)
#   PGSUPERUSER            superuser for provisioning               (postgres)
#   PG_CLUSTER             Debian cluster name if we must start one (main)
#   HARVEST_DB_PASSWORD    password of the harvest_<svc> roles      (harvest)
#   HARVEST_SERVICES       services to provision        (catalog livestream orders logistics integrations platform;
#                          "platform" is the database of the platform mechanism tests)
#   REDIS_HOST / REDIS_PORT                                          (127.0.0.1 / 6379)
#   KEYCLOAK_HOST          bind address                             (127.0.0.1)
#   KEYCLOAK_PORT          HTTP port                                (8180)
#   KEYCLOAK_MANAGEMENT_PORT  health endpoints (/health/ready)      (9190)
#   KEYCLOAK_URL           public base URL, fixes the token issuer  (http://$KEYCLOAK_HOST:$KEYCLOAK_PORT)
#   KEYCLOAK_JAVA_HOME     JDK >= 21 for Keycloak    (JAVA_HOME, java on PATH, newest /usr/lib/jvm/*, if >= 21)
#   KEYCLOAK_HEAP_OPTS     Keycloak heap                            (-Xms64m -Xmx512m)
#   KEYCLOAK_START_TIMEOUT seconds to wait for Keycloak             (600)
#   KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD
#                          master-realm admin (first start only)    (admin / admin)
#   HARVEST_MVN            Maven executable                         (<repo>/mvnw)
#   HARVEST_STOP_TIMEOUT   seconds between SIGTERM and SIGKILL      (30)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR
source "$SCRIPT_DIR/lib.sh"
# shellcheck disable=SC2034  # read by lib.sh's log()
HARVEST_LOG_TAG=infra

REPO="$(repo_root)"
RUN="$(run_dir)"
LOGS="$RUN/logs"
PIDS="$RUN/pids"
STATE="$RUN/state"       # markers for what *we* started
mkdir -p "$LOGS" "$PIDS" "$STATE"

# ----------------------------------------------------------------- config ---
KAFKA_VERSION=4.3.1
KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
KAFKA_ADVERTISED_HOST="${KAFKA_ADVERTISED_HOST:-$KAFKA_HOST}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_OPTS="${KAFKA_OPTS:-}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-180}"   # the fresh-machine check measured 58 s at a load average of 37 on 2 cores
KAFKA_DIR="$RUN/kafka"
KAFKA_DATA="$KAFKA_DIR/data"                # of the single broker; a cluster's nodes: kafka/node-<id>/data
KAFKA_CP_FILE="$KAFKA_DIR/classpath.txt"
KAFKA_POM="$SCRIPT_DIR/kafka/pom.xml"
KAFKA_MAIN=kafka.Kafka

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGSUPERUSER="${PGSUPERUSER:-postgres}"
PG_CLUSTER="${PG_CLUSTER:-main}"
HARVEST_DB_PASSWORD="${HARVEST_DB_PASSWORD:-harvest}"
HARVEST_SERVICES="${HARVEST_SERVICES:-catalog livestream orders logistics integrations platform}"

REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"
REDIS_DIR="$RUN/redis"
REDIS_PIDFILE="$PIDS/redis.pid"
REDIS_LOG="$LOGS/redis.log"

JWT_DIR="$RUN/jwt"
HARVEST_MVN="${HARVEST_MVN:-$REPO/mvnw}"

KEYCLOAK_POM="$SCRIPT_DIR/keycloak/pom.xml"
# One place for the version: the helper pom (so Renovate/Dependabot-style bumps touch one file).
KEYCLOAK_VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$KEYCLOAK_POM")"
KEYCLOAK_HOST="${KEYCLOAK_HOST:-127.0.0.1}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KEYCLOAK_MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-9190}"
KEYCLOAK_URL="${KEYCLOAK_URL:-http://$KEYCLOAK_HOST:$KEYCLOAK_PORT}"
KEYCLOAK_HEAP_OPTS="${KEYCLOAK_HEAP_OPTS:--Xms64m -Xmx512m}"
KEYCLOAK_START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-600}"   # a first start (build + realm import) took 280 s at a load average of ~30 on 2 cores
KEYCLOAK_REALM=harvest           # the name inside harvest-realm.json (a contract of the services)
KEYCLOAK_DIR="$RUN/keycloak"
KEYCLOAK_HOME="$KEYCLOAK_DIR/keycloak-$KEYCLOAK_VERSION"
KEYCLOAK_REALM_FILE="$SCRIPT_DIR/keycloak/harvest-realm.json"
KEYCLOAK_PIDFILE="$PIDS/keycloak.pid"
KEYCLOAK_LOG="$LOGS/keycloak.log"

is_loopback() { [[ "$1" == 127.* || "$1" == localhost || "$1" == "::1" ]]; }

# ================================================================== KAFKA ===

# Print the broker classpath, resolving it with Maven on first use (or when
# the pom changed, or a jar vanished from ~/.m2).
kafka_classpath() {
  local cp jar stale=""
  if [[ -s "$KAFKA_CP_FILE" && "$KAFKA_CP_FILE" -nt "$KAFKA_POM" ]]; then
    cp="$(<"$KAFKA_CP_FILE")"
    local IFS=:
    for jar in $cp; do
      [[ -f "$jar" ]] || { stale="missing $jar"; break; }
    done
    if [[ -z "$stale" ]]; then
      printf '%s' "$cp"
      return 0
    fi
    log "cached Kafka classpath is stale ($stale)"
  fi
  [[ -x "$HARVEST_MVN" ]] || die "Maven not found at $HARVEST_MVN (set HARVEST_MVN)"
  log "resolving Kafka $KAFKA_VERSION classpath with Maven (once; cached in $KAFKA_CP_FILE)..."
  mkdir -p "$KAFKA_DIR"
  local tmp="$KAFKA_CP_FILE.tmp.$$"
  if ! (cd "$REPO" && "$HARVEST_MVN" -B -q -f "$KAFKA_POM" \
          dependency:build-classpath -Dmdep.outputFile="$tmp") >"$LOGS/kafka-classpath.log" 2>&1; then
    rm -f "$tmp"
    tail_log "$LOGS/kafka-classpath.log" 30
    die "Maven could not resolve the Kafka classpath"
  fi
  mv "$tmp" "$KAFKA_CP_FILE"
  printf '%s' "$(<"$KAFKA_CP_FILE")"
}

# ------------------------------------------------------------ kafka nodes ---
# One broker (the default) keeps its layout: kafka/{data,server.properties}, pids/kafka.pid, logs/kafka.log, ports
# KAFKA_PORT and KAFKA_CONTROLLER_PORT. With --brokers N (N >= 3) node i = 1..N is broker and controller at once, one
# of N voters of a static KRaft quorum (a majority keeps it running: 3 nodes survive the loss of one), in
# kafka/node-i/{data,server.properties}, pids/kafka-i.pid, logs/kafka-i.log, on client port KAFKA_PORT + 2(i-1) and
# controller port KAFKA_CONTROLLER_PORT + 2(i-1): 9092/9093, 9094/9095, 9096/9097 by default.
# The number is remembered in kafka/brokers, so `down`, `status`, `env` and a later `up` need no flag.

kafka_broker_count() {   # the --brokers flag, else KAFKA_BROKERS, else what the last `up` remembered, else 1
  local n="${KAFKA_BROKERS_FLAG:-${KAFKA_BROKERS:-}}"
  [[ -n "$n" ]] || n="$(cat "$KAFKA_DIR/brokers" 2>/dev/null || echo 1)"
  [[ "$n" =~ ^[0-9]+$ ]] && { ((n == 1)) || ((n >= 3 && n <= 9)); } \
    || die "--brokers $n: 1, or 3 to 9 (2 voters cannot lose one, so a cluster starts at 3)"
  echo "$n"
}

kafka_node_ids() { seq 1 "$KAFKA_BROKERS"; }

kafka_node() {   # kafka_node ID: point the NODE_* variables at node ID of the selected layout
  NODE_ID="$1"
  if ((KAFKA_BROKERS == 1)); then
    NODE_NAME=kafka NODE_DIR="$KAFKA_DIR" NODE_PORT="$KAFKA_PORT" NODE_CONTROLLER_PORT="$KAFKA_CONTROLLER_PORT"
    NODE_PIDFILE="$PIDS/kafka.pid" NODE_LOG="$LOGS/kafka.log"
  else
    local step=$((2 * (NODE_ID - 1)))
    NODE_NAME="kafka-$NODE_ID" NODE_DIR="$KAFKA_DIR/node-$NODE_ID"
    NODE_PORT=$((KAFKA_PORT + step)) NODE_CONTROLLER_PORT=$((KAFKA_CONTROLLER_PORT + step))
    NODE_PIDFILE="$PIDS/kafka-$NODE_ID.pid" NODE_LOG="$LOGS/kafka-$NODE_ID.log"
  fi
  NODE_DATA="$NODE_DIR/data" NODE_PROPS="$NODE_DIR/server.properties"
}

kafka_join() {   # kafka_join client|voters: the layout's client endpoints, or its voters id@host:port; comma-separated
  local id out=()
  for id in $(kafka_node_ids); do
    kafka_node "$id"
    if [[ "$1" == client ]]; then out+=("$KAFKA_ADVERTISED_HOST:$NODE_PORT"); else out+=("$id@$KAFKA_HOST:$NODE_CONTROLLER_PORT"); fi
  done
  local IFS=,
  echo "${out[*]}"
}

kafka_voters() { kafka_join voters; }      # the static controller quorum of a cluster
kafka_bootstrap() { kafka_join client; }   # every broker of the selected layout

kafka_check_ports() {   # every client and controller port of the layout distinct
  local id ports=() p
  for id in $(kafka_node_ids); do
    kafka_node "$id"
    for p in "$NODE_PORT" "$NODE_CONTROLLER_PORT"; do
      [[ " ${ports[*]} " == *" $p "* ]] \
        && die "Kafka port $p is used twice by a $KAFKA_BROKERS-broker layout from KAFKA_PORT=$KAFKA_PORT and KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT (keep them adjacent, e.g. 9092 and 9093)"
      ports+=("$p")
    done
  done
}

# The other layout may still run from this run dir (an `up --brokers 3` after a single broker, or back): one at a
# time, they share the client port.
kafka_check_layout() {
  local other pidfile
  if ((KAFKA_BROKERS == 1)); then other=("$PIDS"/kafka-[0-9]*.pid); else other=("$PIDS/kafka.pid"); fi
  for pidfile in "${other[@]}"; do
    if pid_alive "$pidfile" "$KAFKA_MAIN" >/dev/null; then
      die "Kafka from this run dir runs with another number of brokers ($(basename "$pidfile") is alive); stop it first: $0 down kafka"
    fi
  done
}

kafka_write_configs() {   # logging for brokers and tools (shared by all nodes)
  mkdir -p "$KAFKA_DIR"
  cat >"$KAFKA_DIR/log4j2.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!-- Broker logging: everything to stdout, which infra.sh appends to logs/kafka.log (logs/kafka-<id>.log) -->
<Configuration status="WARN" name="harvest-kafka-broker">
  <Appenders>
    <Console name="STDOUT" target="SYSTEM_OUT">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
    </Console>
  </Appenders>
  <Loggers>
    <Root level="INFO"><AppenderRef ref="STDOUT"/></Root>
    <Logger name="kafka.request.logger" level="WARN"/>
    <Logger name="kafka.network.RequestChannel$" level="WARN"/>
    <Logger name="state.change.logger" level="WARN"/>
    <Logger name="kafka.authorizer.logger" level="WARN"/>
    <Logger name="org.apache.kafka.raft" level="WARN"/>
    <Logger name="org.apache.kafka.storage.internals.log" level="WARN"/>
    <!-- the full config dumps (~2000 lines per start); unknown-config WARNs still show -->
    <Logger name="org.apache.kafka.common.config.AbstractConfig" level="WARN"/>
  </Loggers>
</Configuration>
XML

  cat >"$KAFKA_DIR/tools-log4j2.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!-- CLI tools: warnings only, on stderr (keeps stdout clean for data). -->
<Configuration status="WARN" name="harvest-kafka-tools">
  <Appenders>
    <Console name="STDERR" target="SYSTEM_ERR">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
    </Console>
  </Appenders>
  <Loggers>
    <Root level="WARN"><AppenderRef ref="STDERR"/></Root>
  </Loggers>
</Configuration>
XML
}

kafka_write_node_config() {   # server.properties of the current node (kafka_node)
  mkdir -p "$NODE_DIR" "$NODE_DATA"
  local quorum rf isr
  if ((KAFKA_BROKERS == 1)); then
    quorum="# Single-node KRaft: this process is both broker and (the only) controller.
controller.quorum.bootstrap.servers=$KAFKA_HOST:$NODE_CONTROLLER_PORT"
    rf=1 isr=1
  else
    quorum="# Node $NODE_ID of $KAFKA_BROKERS: broker and one voter of a static KRaft quorum (a majority must be up).
controller.quorum.voters=$(kafka_voters)"
    # Three copies of every partition, a write needs two: one node may die without losing an acknowledged record
    # or stopping acks=all producers.
    rf=3 isr=2
  fi
  cat >"$NODE_PROPS" <<PROPS
# Generated by deploy/local/infra.sh -- edits are overwritten on every start.
$quorum
process.roles=broker,controller
node.id=$NODE_ID
listeners=PLAINTEXT://$KAFKA_HOST:$NODE_PORT,CONTROLLER://$KAFKA_HOST:$NODE_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_ADVERTISED_HOST:$NODE_PORT,CONTROLLER://$KAFKA_HOST:$NODE_CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT

log.dirs=$NODE_DATA
num.partitions=3
auto.create.topics.enable=true
default.replication.factor=$rf
min.insync.replicas=$isr

# Internal topics: $rf replica(s), few partitions (fast first group join on 2 cores).
offsets.topic.replication.factor=$rf
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=$isr
transaction.state.log.num.partitions=6
share.coordinator.state.topic.replication.factor=$rf
share.coordinator.state.topic.min.isr=$isr
share.coordinator.state.topic.num.partitions=6
group.initial.rebalance.delay.ms=0

# Small machine.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=72
PROPS
}

# kafka_tool MAIN_CLASS ARGS... : run a Kafka CLI main class (short-lived JVM).
kafka_tool() {
  local cp
  cp="$(kafka_classpath)"
  [[ -f "$KAFKA_DIR/tools-log4j2.xml" ]] || kafka_write_configs
  java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto \
    -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.xml" \
    -cp "$cp" "$@"
}

# Raw Kafka ApiVersions (v0) round trip over bash /dev/tcp: true only when the
# broker is actually processing requests, not merely listening.
kafka_api_ok() {
  local host="$1" port="$2" out bytes
  # shellcheck disable=SC2016  # $0/$1 expand in the inner bash
  out="$(timeout 3 bash -c '
      exec 3<>"/dev/tcp/$0/$1" || exit 1
      # size=18 | api_key=18 (ApiVersions) | version=0 | correlation_id=42 | client_id="harvest1"
      printf "\x00\x00\x00\x12\x00\x12\x00\x00\x00\x00\x00\x2a\x00\x08harvest1" >&3
      head -c 10 <&3 | od -An -tx1' "$host" "$port" 2>/dev/null)" || return 1
  # response: int32 size | int32 correlation_id (42) | int16 error_code (0)
  read -r -a bytes <<<"$out"
  [[ "${bytes[*]:4}" == "00 00 00 2a 00 00" ]]
}

kafka_formatted_marker() {
  if ((KAFKA_BROKERS == 1)); then
    echo "controller=$KAFKA_HOST:$NODE_CONTROLLER_PORT node.id=1"
  else
    echo "voters=$(kafka_voters) node.id=$NODE_ID"   # kafka_voters moves NODE_*: called in a subshell
  fi
}

kafka_cluster_id() {   # the run dir's cluster id, chosen once
  local cluster_id
  if [[ -s "$KAFKA_DIR/cluster.id" ]]; then
    cluster_id="$(<"$KAFKA_DIR/cluster.id")"
  elif [[ -n "${KAFKA_CLUSTER_ID:-}" ]]; then
    cluster_id="$KAFKA_CLUSTER_ID"
  else
    cluster_id="$(kafka_tool kafka.tools.StorageTool random-uuid | tail -n1)"
  fi
  [[ "$cluster_id" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "bad Kafka cluster id: '$cluster_id'"
  echo "$cluster_id" >"$KAFKA_DIR/cluster.id"
  echo "$cluster_id"
}

kafka_format_once() {   # formats the current node's storage unless it was
  local marker="$NODE_DIR/formatted-with" wanted
  wanted="$(kafka_formatted_marker)"
  if [[ -f "$NODE_DATA/meta.properties" ]]; then
    if [[ -f "$marker" && "$(<"$marker")" != "$wanted" ]]; then
      die "Kafka storage of $NODE_NAME was formatted with '$(<"$marker")' but the config is now '$wanted'.
       Restore KAFKA_HOST/KAFKA_PORT/KAFKA_CONTROLLER_PORT or wipe it: $0 reset-kafka"
    fi
    return 0
  fi
  local cluster_id quorum=(--standalone)
  cluster_id="$(kafka_cluster_id)"
  # A static quorum (controller.quorum.voters) is formatted without --standalone/--initial-controllers.
  ((KAFKA_BROKERS == 1)) || quorum=()
  log "formatting Kafka storage of $NODE_NAME (cluster id $cluster_id, $( ((KAFKA_BROKERS == 1)) && echo 'standalone KRaft quorum' || echo "one of $KAFKA_BROKERS voters"))"
  kafka_tool kafka.tools.StorageTool format \
      --cluster-id "$cluster_id" --config "$NODE_PROPS" "${quorum[@]}" >>"$LOGS/kafka-format.log" 2>&1 \
    || { tail_log "$LOGS/kafka-format.log" 20; die "kafka-storage format of $NODE_NAME failed"; }
  echo "$wanted" >"$marker"
}

kafka_start_node() {   # start the current node, formatted and configured
  local cp
  cp="$(kafka_classpath)"
  kafka_write_node_config
  kafka_format_once
  # shellcheck disable=SC2086  # heap/opts are intentionally word-split
  start_bg "$NODE_NAME" "$NODE_PIDFILE" "$NODE_LOG" \
    java $KAFKA_HEAP_OPTS -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
      -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent \
      -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.xml" \
      -Dkafka.logs.dir="$LOGS" \
      $KAFKA_OPTS \
      -cp "$cp" "$KAFKA_MAIN" "$NODE_PROPS"
}

kafka_up() {
  local pid id pending=() started=$SECONDS
  kafka_check_ports
  kafka_check_layout
  for id in $(kafka_node_ids); do
    kafka_node "$id"
    if pid="$(pid_alive "$NODE_PIDFILE" "$KAFKA_MAIN")"; then
      log "$NODE_NAME already running (pid $pid) on $KAFKA_HOST:$NODE_PORT -- nothing to do"
      continue
    fi
    rm -f "$NODE_PIDFILE"
    if tcp_open "$KAFKA_HOST" "$NODE_PORT"; then
      if ((KAFKA_BROKERS == 1)) && kafka_api_ok "$KAFKA_HOST" "$NODE_PORT"; then
        log "a Kafka broker not started by infra.sh already answers on $KAFKA_HOST:$NODE_PORT -- reusing it"
        return 0
      fi
      die "port $KAFKA_HOST:$NODE_PORT of $NODE_NAME is in use by something not started from this run dir (set KAFKA_PORT)"
    fi
    tcp_open "$KAFKA_HOST" "$NODE_CONTROLLER_PORT" \
      && die "controller port $KAFKA_HOST:$NODE_CONTROLLER_PORT of $NODE_NAME is already in use (set KAFKA_CONTROLLER_PORT)"
    pending+=("$id")
  done
  ((${#pending[@]} > 0)) || return 0

  kafka_write_configs
  echo "$KAFKA_BROKERS" >"$KAFKA_DIR/brokers"
  # All nodes first, then the wait: a cluster's brokers serve only once a majority of the voters is up.
  for id in "${pending[@]}"; do
    kafka_node "$id"
    kafka_start_node
  done

  log "waiting up to ${KAFKA_START_TIMEOUT}s for Kafka ($(kafka_bootstrap))..."
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  for id in "${pending[@]}"; do
    kafka_node "$id"
    until kafka_api_ok "$KAFKA_HOST" "$NODE_PORT"; do
      if ! pid_alive "$NODE_PIDFILE" >/dev/null; then
        tail_log "$NODE_LOG" 40
        rm -f "$NODE_PIDFILE"
        die "$NODE_NAME exited during startup (see $NODE_LOG)"
      fi
      if ((SECONDS >= deadline)); then
        tail_log "$NODE_LOG" 40
        for id in "${pending[@]}"; do
          kafka_node "$id"
          stop_pid "$NODE_NAME" "$NODE_PIDFILE" 10 "$KAFKA_MAIN" || true
        done
        die "Kafka did not answer on $(kafka_bootstrap) within ${KAFKA_START_TIMEOUT}s (see $LOGS/kafka*.log)"
      fi
      sleep 0.5
    done
  done
  if ((KAFKA_BROKERS == 1)); then
    log "Kafka $KAFKA_VERSION is up on $KAFKA_ADVERTISED_HOST:$KAFKA_PORT (took $((SECONDS - started))s)"
  else
    log "Kafka $KAFKA_VERSION is up: $KAFKA_BROKERS brokers on $(kafka_bootstrap), controllers $(kafka_voters), replication factor 3, min.insync.replicas 2 (took $((SECONDS - started))s)"
  fi
}

kafka_down() {
  local id failed=0 stops=()
  for id in $(kafka_node_ids); do
    kafka_node "$id"
    if ((KAFKA_BROKERS == 1)) && ! pid_alive "$NODE_PIDFILE" "$KAFKA_MAIN" >/dev/null \
        && kafka_api_ok "$KAFKA_HOST" "$NODE_PORT"; then
      log "Kafka on $KAFKA_HOST:$NODE_PORT was not started from this run dir -- leaving it alone"
      rm -f "$NODE_PIDFILE"
      continue
    fi
    # A cluster's nodes all at once: a node shuts down cleanly only while a majority of the voters is up, so one
    # after the other would leave the last one waiting for a quorum that is gone.
    (stop_pid "$NODE_NAME" "$NODE_PIDFILE" "" "$KAFKA_MAIN") &
    stops+=("$!")
  done
  for id in "${stops[@]+"${stops[@]}"}"; do
    wait "$id" || failed=1   # each node its turn, even when one could not be stopped
  done
  return "$failed"
}

kafka_reset() {
  kafka_down
  log "wiping Kafka data in $KAFKA_DIR (classpath cache kept)"
  rm -rf "$KAFKA_DATA" "$KAFKA_DIR"/node-[0-9]* "$KAFKA_DIR/cluster.id" "$KAFKA_DIR/formatted-with" "$KAFKA_DIR/brokers"
}

# =============================================================== POSTGRES ===

pg_ready() { pg_isready -q -h "$PGHOST" -p "$PGPORT" -t 2 >/dev/null 2>&1; }

pg_server_version() {   # newest installed server major version, e.g. 15
  local d
  d="$(printf '%s\n' /usr/lib/postgresql/*/bin/postgres | grep -v '\*' | sort -V | tail -n1)"
  [[ -n "$d" ]] || return 1
  basename "$(dirname "$(dirname "$d")")"
}

pg_start_local() {
  is_loopback "$PGHOST" \
    || die "PostgreSQL at $PGHOST:$PGPORT does not answer and is not local -- start it yourself"
  local ver
  if ! ver="$(pg_server_version)" || ! have pg_ctlcluster; then
    apt_install postgresql
    ver="$(pg_server_version)" || die "PostgreSQL server binaries still missing after apt-get"
    # The package's postinst may already have started the default cluster.
    if pg_ready; then log "PostgreSQL started by the package install; using it"; return 0; fi
  fi
  if ! pg_lsclusters -h 2>/dev/null | awk -v v="$ver" -v c="$PG_CLUSTER" '$1==v && $2==c {f=1} END {exit !f}'; then
    log "creating PostgreSQL cluster $ver/$PG_CLUSTER on port $PGPORT"
    as_root pg_createcluster --port "$PGPORT" "$ver" "$PG_CLUSTER" >/dev/null
  fi
  local port
  port="$(pg_lsclusters -h | awk -v v="$ver" -v c="$PG_CLUSTER" '$1==v && $2==c {print $3}')"
  [[ "$port" == "$PGPORT" ]] \
    || die "cluster $ver/$PG_CLUSTER is configured for port $port, not PGPORT=$PGPORT (set PG_CLUSTER or PGPORT)"
  log "starting PostgreSQL cluster $ver/$PG_CLUSTER"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$PG_CLUSTER" start
  echo "$ver $PG_CLUSTER" >"$STATE/postgres.started"
  local deadline=$((SECONDS + 30))
  until pg_ready; do
    ((SECONDS < deadline)) || die "PostgreSQL cluster $ver/$PG_CLUSTER did not become ready on $PGHOST:$PGPORT"
    sleep 0.5
  done
}

# How to reach the server as superuser: over TCP (trust/.pgpass/PGPASSWORD)
# or, for fresh Debian installs with peer auth, as the postgres OS user.
_PG_SUPER_MODE=""
pg_detect_super() {
  [[ -n "$_PG_SUPER_MODE" ]] && return 0
  if psql -X -w -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    _PG_SUPER_MODE=tcp
  elif is_loopback "$PGHOST" && id postgres >/dev/null 2>&1 \
      && (cd / && as_root runuser -u postgres -- env -u PGHOST -u PGUSER -u PGDATABASE \
            psql -X -w -p "$PGPORT" -d postgres -Atqc 'select 1') >/dev/null 2>&1; then
    _PG_SUPER_MODE=peer
  else
    die "cannot connect to PostgreSQL $PGHOST:$PGPORT as superuser '$PGSUPERUSER' (tried TCP and 'runuser -u postgres')"
  fi
}

pg_super_psql() {   # pg_super_psql PSQL_ARGS...  (SQL on stdin or via -c)
  pg_detect_super
  if [[ "$_PG_SUPER_MODE" == tcp ]]; then
    psql -X -w -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -d postgres "$@"
  else
    (cd / && as_root runuser -u postgres -- env -u PGHOST -u PGUSER -u PGDATABASE \
       psql -X -w -q -v ON_ERROR_STOP=1 -p "$PGPORT" -d postgres "$@")
  fi
}

pg_provision() {
  local svc sql="" names=()
  for svc in $HARVEST_SERVICES; do
    [[ "$svc" =~ ^[a-z][a-z0-9_]*$ ]] || die "bad service name in HARVEST_SERVICES: '$svc'"
    local role="harvest_$svc"
    names+=("$role")
    sql+="
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '$role', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') \\gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', '$role', :'pw')
  FROM pg_authid WHERE rolname = '$role' AND (NOT rolcanlogin OR rolpassword IS NULL) \\gexec"
    local db
    for db in "harvest_$svc" "harvest_${svc}_test" "harvest_${svc}_e2e" "harvest_${svc}_scale"; do
      sql+="
SELECT format('CREATE DATABASE %I OWNER %I', '$db', '$role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$db') \\gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', '$db', '$role')
  FROM pg_database WHERE datname = '$db' AND pg_get_userbyid(datdba) <> '$role' \\gexec"
    done
  done
  pg_detect_super
  printf '%s\n' "$sql" | pg_super_psql -v pw="$HARVEST_DB_PASSWORD" -f - >/dev/null \
    || die "PostgreSQL provisioning failed"
  log "PostgreSQL: roles+databases ready (via $_PG_SUPER_MODE): ${names[*]} (each with <name>, <name>_test, <name>_e2e and <name>_scale)"
}

postgres_up() {
  if ! have pg_isready || ! have psql; then apt_install postgresql-client; fi
  if pg_ready; then
    log "PostgreSQL answers on $PGHOST:$PGPORT -- reusing it"
  else
    pg_start_local
  fi
  pg_provision
}

pg_cluster_status() {   # pg_cluster_status VER CLUSTER -> online|down|... (empty when there is no such cluster)
  have pg_lsclusters || return 0
  pg_lsclusters -h 2>/dev/null | awk -v v="$1" -v c="$2" '$1==v && $2==c {print $4}'
}

# The marker goes only once the cluster is down: a `down` that could not stop it (no root, sudo wanting a
# password, pg_ctlcluster failing) fails and keeps the marker, so the next `down` still knows to stop it.
postgres_down() {
  if [[ ! -f "$STATE/postgres.started" ]]; then
    log "PostgreSQL was not started by infra.sh -- leaving it alone"
    return 0
  fi
  local ver cluster p
  read -r ver cluster <"$STATE/postgres.started"
  if [[ "$(pg_cluster_status "$ver" "$cluster")" != online ]]; then
    log "PostgreSQL cluster $ver/$cluster (started by infra.sh) is not running"
    rm -f "$STATE/postgres.started"
    return 0
  fi
  if p="$(root_problem "stopping PostgreSQL cluster $ver/$cluster (started by infra.sh)")"; then
    warn "$p
       It is still running; $STATE/postgres.started is kept so that the next \`$0 down\` stops it."
    return 1
  fi
  log "stopping PostgreSQL cluster $ver/$cluster (started by infra.sh)"
  if ! as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$cluster" stop \
      && [[ "$(pg_cluster_status "$ver" "$cluster")" == online ]]; then
    warn "pg_ctlcluster $ver $cluster stop failed; the cluster is still running.
       $STATE/postgres.started is kept so that the next \`$0 down\` tries again."
    return 1
  fi
  rm -f "$STATE/postgres.started"
}

# ================================================================== REDIS ===

redis_ping() { [[ "$(timeout 3 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

redis_up() {
  have redis-cli || apt_install redis-tools
  if redis_ping; then
    log "Redis answers on $REDIS_HOST:$REDIS_PORT -- reusing it"
    return 0
  fi
  is_loopback "$REDIS_HOST" \
    || die "Redis at $REDIS_HOST:$REDIS_PORT does not answer and is not local -- start it yourself"
  if ! have redis-server; then
    apt_install redis-server
    if redis_ping; then log "Redis started by the package install; using it"; return 0; fi
  fi
  mkdir -p "$REDIS_DIR"
  rm -f "$REDIS_PIDFILE"
  local bind="$REDIS_HOST"
  [[ "$bind" == localhost ]] && bind=127.0.0.1
  log "starting redis-server on $bind:$REDIS_PORT"
  redis-server --daemonize yes --bind "$bind" --port "$REDIS_PORT" \
    --save "" --appendonly no --dir "$REDIS_DIR" \
    --logfile "$REDIS_LOG" --pidfile "$REDIS_PIDFILE" >/dev/null
  echo "$REDIS_PORT" >"$STATE/redis.started"
  local deadline=$((SECONDS + 15))
  until redis_ping; do
    ((SECONDS < deadline)) || { tail_log "$REDIS_LOG" 20; die "Redis did not answer on $REDIS_HOST:$REDIS_PORT"; }
    sleep 0.2
  done
  log "Redis is up on $REDIS_HOST:$REDIS_PORT (pid $(cat "$REDIS_PIDFILE" 2>/dev/null || echo '?'))"
}

redis_down() {
  if [[ -f "$STATE/redis.started" ]]; then
    stop_pid redis "$REDIS_PIDFILE" 15 redis-server
    rm -f "$STATE/redis.started"
  else
    log "Redis was not started by infra.sh -- leaving it alone"
  fi
}

# ==================================================================== JWT ===

jwt_up() {
  local priv="$JWT_DIR/privateKey.pem" pub="$JWT_DIR/publicKey.pem"
  mkdir -p "$JWT_DIR"
  if [[ ! -s "$priv" ]]; then
    log "generating local JWT signing key pair in $JWT_DIR"
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$priv.tmp" 2>/dev/null)
    mv "$priv.tmp" "$priv"
    rm -f "$pub"
  fi
  if [[ ! -s "$pub" ]]; then
    openssl pkey -in "$priv" -pubout -out "$pub" 2>/dev/null
    chmod 644 "$pub"
  fi
  log "JWT keys: $priv (PKCS#8), $pub"
}

# =============================================================== KEYCLOAK ===

# Print the JAVA_HOME Keycloak runs with. Keycloak 26 needs Java >= 21, while
# the services and the build stay on the machine's default JDK 17: so we look
# for a newer JDK and hand it to kc.sh alone (JAVA_HOME of that process only).
keycloak_java_home_find() {   # prints the JDK >= 21 or fails quietly
  local home major candidates=()
  if [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]]; then
    major="$(java_major "$KEYCLOAK_JAVA_HOME/bin/java" 2>/dev/null || true)"
    [[ -n "$major" ]] && ((major >= 21)) || return 1
    echo "$KEYCLOAK_JAVA_HOME"; return 0
  fi
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if have java; then   # the JDK behind the `java` on PATH
    home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    candidates+=("$home")
  fi
  for home in "${candidates[@]}"; do
    [[ -x "$home/bin/java" ]] || continue
    major="$(java_major "$home/bin/java" 2>/dev/null || true)"
    if [[ -n "$major" ]] && ((major >= 21)); then echo "$home"; return 0; fi
  done
  newest_jdk 21   # otherwise the installed JDK with the highest Java version
}

keycloak_java_problem() {   # print why no JDK >= 21 is usable and the fix; false when one is
  keycloak_java_home_find >/dev/null && return 1
  if [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]]; then
    printf '%s' "KEYCLOAK_JAVA_HOME=$KEYCLOAK_JAVA_HOME is not a JDK >= 21 (Java $(java_major "$KEYCLOAK_JAVA_HOME/bin/java" 2>/dev/null || echo '?')); Keycloak $KEYCLOAK_VERSION needs >= 21"
    return 0
  fi
  printf '%s' "Keycloak $KEYCLOAK_VERSION needs a JDK >= 21 and none was found (looked at KEYCLOAK_JAVA_HOME, JAVA_HOME, java on PATH, /usr/lib/jvm/*).
       Debian 12 packages none: install Eclipse Temurin 21 or 25 next to the JDK 17 from the Adoptium apt repository
       (https://adoptium.net/installation/linux/ ; then: $(install_hint temurin-21-jdk)), or point KEYCLOAK_JAVA_HOME at any
       JDK >= 21. Only Keycloak uses it; the services keep running on Java 17."
}

keycloak_java_home() {
  local p
  if p="$(keycloak_java_problem)"; then die "$p"; fi
  keycloak_java_home_find
}

# Unpack the distribution once into .run/keycloak/keycloak-<version>/; the zip
# itself stays cached in ~/.m2 (Maven), so a wiped run dir costs no download.
keycloak_dist() {
  local marker="$KEYCLOAK_HOME/.harvest-unpacked"
  [[ -f "$marker" && -x "$KEYCLOAK_HOME/bin/kc.sh" ]] && return 0
  [[ -n "$KEYCLOAK_VERSION" ]] || die "cannot read <keycloak.version> from $KEYCLOAK_POM"
  [[ -x "$HARVEST_MVN" ]] || die "Maven not found at $HARVEST_MVN (set HARVEST_MVN)"
  local dl="$KEYCLOAK_DIR/download" zip
  zip="$dl/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  mkdir -p "$dl"
  log "fetching Keycloak $KEYCLOAK_VERSION (org.keycloak:keycloak-quarkus-dist zip, ~170 MB) with Maven (once)..."
  if ! (cd "$REPO" && "$HARVEST_MVN" -B -q -f "$KEYCLOAK_POM" dependency:copy \
          -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
          -DoutputDirectory="$dl" -Dmdep.overWriteReleases=true) >"$LOGS/keycloak-fetch.log" 2>&1 \
      || [[ ! -s "$zip" ]]; then
    tail_log "$LOGS/keycloak-fetch.log" 30
    die "Maven could not fetch org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip (see $LOGS/keycloak-fetch.log)"
  fi
  # Unpack next to the target and move into place: an interrupted unzip never
  # leaves a half distribution that looks complete.
  local tmp="$KEYCLOAK_DIR/unpack.$$"
  rm -rf "$tmp" "$KEYCLOAK_HOME"
  mkdir -p "$tmp"
  log "unpacking Keycloak into $KEYCLOAK_HOME"
  if have unzip; then
    unzip -q "$zip" -d "$tmp" || { rm -rf "$tmp"; die "unzip of $zip failed"; }
  else   # the JDK's jar tool does not keep the exec bit
    (cd "$tmp" && jar xf "$zip") || { rm -rf "$tmp"; die "neither unzip nor 'jar xf' could unpack $zip"; }
    chmod +x "$tmp/keycloak-$KEYCLOAK_VERSION"/bin/*.sh
  fi
  [[ -x "$tmp/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ]] \
    || { rm -rf "$tmp"; die "unexpected layout in $zip (no keycloak-$KEYCLOAK_VERSION/bin/kc.sh)"; }
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
  rm -rf "$tmp" "$zip"
  touch "$marker"
}

keycloak_issuer() { echo "$KEYCLOAK_URL/realms/$KEYCLOAK_REALM"; }

# The realm's discovery document answers on our port with the issuer we fix
# via --hostname: the realm is imported and tokens will carry that `iss`.
keycloak_realm_ok() {
  local iss
  iss="$(curl -sf --max-time 3 "http://$KEYCLOAK_HOST:$KEYCLOAK_PORT/realms/$KEYCLOAK_REALM/.well-known/openid-configuration" 2>/dev/null \
         | jq -r .issuer 2>/dev/null)" || return 1
  [[ "$iss" == "$(keycloak_issuer)" ]]
}

keycloak_health_ok() {
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 \
          "http://$KEYCLOAK_HOST:$KEYCLOAK_MANAGEMENT_PORT/health/ready" 2>/dev/null)" == 200 ]]
}

# RSS in MB of the whole process group (kc.sh is a /bin/sh wrapper around the JVM).
keycloak_rss_mb() {
  ps -e -o pgid=,rss= 2>/dev/null | awk -v g="$1" '$1 == g {kb += $2} END {printf "%d", kb / 1024}'
}

# Which realm file the current Keycloak data was imported from. Keycloak's
# import skips a realm that already exists, so edits need reset-keycloak.
keycloak_realm_sum() { sha256sum "$KEYCLOAK_REALM_FILE" | cut -c1-16; }

keycloak_check_realm_drift() {
  local imported="$KEYCLOAK_DIR/realm-imported.sha"
  if [[ -f "$imported" && "$(<"$imported")" != "$(keycloak_realm_sum)" ]]; then
    warn "deploy/local/keycloak/harvest-realm.json changed since Keycloak imported it; Keycloak keeps the
       imported realm. To load the new file: $0 reset-keycloak && $0 up keycloak"
  fi
}

keycloak_up() {
  have curl || die "Keycloak needs curl"
  have jq || die "Keycloak needs jq (apt-get install jq)"
  local pid
  if pid="$(pid_alive "$KEYCLOAK_PIDFILE" "$KEYCLOAK_HOME/")" && keycloak_realm_ok; then
    log "Keycloak already running (pid $pid) on $KEYCLOAK_URL -- nothing to do"
    keycloak_check_realm_drift
    return 0
  fi
  if [[ -z "$pid" ]]; then
    rm -f "$KEYCLOAK_PIDFILE"
    if tcp_open "$KEYCLOAK_HOST" "$KEYCLOAK_PORT"; then
      if keycloak_realm_ok; then
        log "a Keycloak not started by infra.sh already serves realm $KEYCLOAK_REALM on $KEYCLOAK_URL -- reusing it"
        return 0
      fi
      if curl -sf --max-time 3 -o /dev/null "http://$KEYCLOAK_HOST:$KEYCLOAK_PORT/realms/master/.well-known/openid-configuration"; then
        die "a Keycloak answers on $KEYCLOAK_HOST:$KEYCLOAK_PORT but without realm '$KEYCLOAK_REALM' issued as $(keycloak_issuer).
       Stop it, or import deploy/local/keycloak/harvest-realm.json into it, or set KEYCLOAK_PORT"
      fi
      die "port $KEYCLOAK_HOST:$KEYCLOAK_PORT is in use by something that is not Keycloak (set KEYCLOAK_PORT)"
    fi
    tcp_open "$KEYCLOAK_HOST" "$KEYCLOAK_MANAGEMENT_PORT" \
      && die "Keycloak management port $KEYCLOAK_HOST:$KEYCLOAK_MANAGEMENT_PORT is already in use (set KEYCLOAK_MANAGEMENT_PORT)"

    local started=$SECONDS java_home
    java_home="$(keycloak_java_home)"
    keycloak_dist
    # --import-realm reads data/import; an existing realm is skipped, so this is
    # a no-op on every start but the first (or the first after reset-keycloak).
    mkdir -p "$KEYCLOAK_HOME/data/import"
    cp "$KEYCLOAK_REALM_FILE" "$KEYCLOAK_HOME/data/import/harvest-realm.json"
    if [[ ! -d "$KEYCLOAK_HOME/data/h2" ]]; then
      keycloak_realm_sum >"$KEYCLOAK_DIR/realm-imported.sha"
    else
      keycloak_check_realm_drift
    fi

    # --hostname as a full URL (hostname v2) fixes scheme+host+port, so `iss` is
    # the same whether a client calls localhost or 127.0.0.1. Health lives on the
    # management port (9000 by default, moved off it to keep 9000 free).
    # JAVA_OPTS is cleared so a JAVA_OPTS meant for something else cannot
    # replace kc.sh's defaults (and our heap cap).
    start_bg keycloak "$KEYCLOAK_PIDFILE" "$KEYCLOAK_LOG" \
      env -u JAVA_OPTS JAVA_HOME="$java_home" JAVA_OPTS_KC_HEAP="$KEYCLOAK_HEAP_OPTS" \
        KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
        KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
      "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
        --http-host="$KEYCLOAK_HOST" --http-port="$KEYCLOAK_PORT" \
        --hostname="$KEYCLOAK_URL" \
        --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" --health-enabled=true \
        --import-realm
    pid="$(cat "$KEYCLOAK_PIDFILE")"
    log "waiting up to ${KEYCLOAK_START_TIMEOUT}s for Keycloak (JDK $(java_major "$java_home/bin/java") at $java_home)..."
  else
    # Ours, alive, not serving yet: an earlier `up` interrupted while it booted
    # (or it runs with other KEYCLOAK_* settings). Wait, but never kill it here.
    local started=$SECONDS
    _KC_ADOPTED=1
    log "Keycloak (pid $pid) from this run dir is running but not serving $(keycloak_issuer) yet; waiting up to ${KEYCLOAK_START_TIMEOUT}s..."
  fi

  local deadline=$((SECONDS + KEYCLOAK_START_TIMEOUT))
  until keycloak_health_ok && keycloak_realm_ok; do
    if ! pid_alive "$KEYCLOAK_PIDFILE" "$KEYCLOAK_HOME/" >/dev/null; then
      tail_log "$KEYCLOAK_LOG" 40
      rm -f "$KEYCLOAK_PIDFILE"
      die "Keycloak exited during startup (see $KEYCLOAK_LOG)"
    fi
    if ((SECONDS >= deadline)); then
      tail_log "$KEYCLOAK_LOG" 40
      if [[ -n "${_KC_ADOPTED:-}" ]]; then
        die "Keycloak (pid $pid) does not serve realm $KEYCLOAK_REALM as $(keycloak_issuer) (started with other KEYCLOAK_* settings?).
       Restart it: $0 down keycloak && $0 up keycloak"
      fi
      stop_pid keycloak "$KEYCLOAK_PIDFILE" 20 "$KEYCLOAK_HOME/" || true
      die "Keycloak did not serve realm $KEYCLOAK_REALM on $KEYCLOAK_URL within ${KEYCLOAK_START_TIMEOUT}s (see $KEYCLOAK_LOG)"
    fi
    sleep 1
  done
  log "Keycloak $KEYCLOAK_VERSION is up on $KEYCLOAK_URL, issuer $(keycloak_issuer) (took $((SECONDS - started))s, RSS $(keycloak_rss_mb "$pid") MB)"
}

keycloak_down() {
  if ! pid_alive "$KEYCLOAK_PIDFILE" "$KEYCLOAK_HOME/" >/dev/null && tcp_open "$KEYCLOAK_HOST" "$KEYCLOAK_PORT"; then
    log "Keycloak on $KEYCLOAK_HOST:$KEYCLOAK_PORT was not started from this run dir -- leaving it alone"
    rm -f "$KEYCLOAK_PIDFILE"
    return 0
  fi
  stop_pid keycloak "$KEYCLOAK_PIDFILE" "" "$KEYCLOAK_HOME/"
}

keycloak_reset() {
  keycloak_down
  log "wiping Keycloak data in $KEYCLOAK_HOME/data (distribution kept; the realm is re-imported on the next up)"
  rm -rf "$KEYCLOAK_HOME/data" "$KEYCLOAK_DIR/realm-imported.sha"
}

# ============================================================== PREFLIGHT ===

# Everything `up COMPONENT...` will need that is missing now, with its fix, in one message and before
# anything starts: tools, a JDK >= 21 for Keycloak, root (or sudo without a password) for the steps
# that install or start PostgreSQL/Redis as the system does.
preflight_up() {
  local problems=() root_for=() p c ver
  if p="$(tools_problem)"; then problems+=("$p"); fi
  for c in "$@"; do
    case "$c" in
      keycloak) if p="$(keycloak_java_problem)"; then problems+=("$p"); fi ;;
      postgres)
        if ! have pg_isready || ! have psql; then
          root_for+=("installing postgresql-client (apt-get)")
        elif ! pg_ready; then
          if ! is_loopback "$PGHOST"; then
            problems+=("PostgreSQL at $PGHOST:$PGPORT does not answer and is not local -- start it yourself")
          elif ! ver="$(pg_server_version)" || ! have pg_ctlcluster; then
            root_for+=("installing postgresql (apt-get)")
          else
            root_for+=("starting PostgreSQL cluster $ver/$PG_CLUSTER")
          fi
        elif ! psql -X -w -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
          root_for+=("creating the harvest databases as the postgres OS user (no TCP superuser login for '$PGSUPERUSER')")
        fi ;;
      redis)
        if ! have redis-cli; then
          root_for+=("installing redis-tools (apt-get)")
        elif ! redis_ping && ! have redis-server && is_loopback "$REDIS_HOST"; then
          root_for+=("installing redis-server (apt-get)")
        fi ;;
    esac
  done
  if ((${#root_for[@]} > 0)); then
    local why
    why="$(printf '%s; ' "${root_for[@]}")"
    if p="$(root_problem "${why%; }")"; then problems+=("$p"); fi
  fi
  ((${#problems[@]} == 0)) && return 0
  local msg="" i
  for i in "${!problems[@]}"; do msg+=$'\n'"  $((i + 1)). ${problems[$i]}"; done
  die "cannot start ($*) on this machine yet:$msg"
}

# ================================================================= STATUS ===

status() {
  local all_ok=0 pid state managed detail
  printf '%-10s %-8s %-10s %-24s %s\n' COMPONENT STATE MANAGED ENDPOINT DETAIL

  local id
  for id in $(kafka_node_ids); do
    kafka_node "$id"
    if pid="$(pid_alive "$NODE_PIDFILE" "$KAFKA_MAIN")"; then
      managed=infra.sh; detail="pid $pid, cluster $(cat "$KAFKA_DIR/cluster.id" 2>/dev/null || echo '?')"
      ((KAFKA_BROKERS == 1)) || detail+=", node $id of $KAFKA_BROKERS, controller :$NODE_CONTROLLER_PORT"
      if kafka_api_ok "$KAFKA_HOST" "$NODE_PORT"; then state=up; else state=starting; all_ok=1; fi
    elif kafka_api_ok "$KAFKA_HOST" "$NODE_PORT"; then
      state=up; managed=external; detail="not started by infra.sh"
    else
      state=down; managed=-; detail="log: $NODE_LOG"; all_ok=1
    fi
    printf '%-10s %-8s %-10s %-24s %s\n' "$NODE_NAME" "$state" "$managed" "$KAFKA_ADVERTISED_HOST:$NODE_PORT" "$detail"
  done

  managed=external; [[ -f "$STATE/postgres.started" ]] && managed=infra.sh
  if have pg_isready && pg_ready; then
    state=up
    local n
    n="$( (pg_super_psql -Atc "select count(*) from pg_database where datname like 'harvest\_%'") 2>/dev/null || echo '?')"
    detail="$n harvest_* databases"
  else
    state=down; detail=""; all_ok=1
  fi
  printf '%-10s %-8s %-10s %-24s %s\n' postgres "$state" "$managed" "$PGHOST:$PGPORT" "$detail"

  managed=external; detail=""
  if [[ -f "$STATE/redis.started" ]]; then managed=infra.sh; detail="pid $(cat "$REDIS_PIDFILE" 2>/dev/null || echo '?')"; fi
  if have redis-cli && redis_ping; then state=up; else state=down; all_ok=1; fi
  printf '%-10s %-8s %-10s %-24s %s\n' redis "$state" "$managed" "$REDIS_HOST:$REDIS_PORT" "$detail"

  if [[ -s "$JWT_DIR/privateKey.pem" && -s "$JWT_DIR/publicKey.pem" ]]; then state=present; else state=missing; all_ok=1; fi
  printf '%-10s %-8s %-10s %-24s %s\n' jwt "$state" infra.sh - "$JWT_DIR/{privateKey,publicKey}.pem"

  if pid="$(pid_alive "$KEYCLOAK_PIDFILE" "$KEYCLOAK_HOME/")"; then
    managed=infra.sh; detail="pid $pid, RSS $(keycloak_rss_mb "$pid") MB, realm $KEYCLOAK_REALM, admin console $KEYCLOAK_URL/admin"
    if have jq && keycloak_realm_ok; then state=up; else state=starting; all_ok=1; fi
  elif have jq && keycloak_realm_ok; then
    state=up; managed=external; detail="not started by infra.sh, realm $KEYCLOAK_REALM"
  else
    state=down; managed=-; detail="log: $KEYCLOAK_LOG"; all_ok=1
  fi
  printf '%-10s %-8s %-10s %-24s %s\n' keycloak "$state" "$managed" "$KEYCLOAK_URL" "$detail"
  return "$all_ok"
}

print_env() {
  cat <<EOF
export HARVEST_RUN_DIR='$RUN'
export KAFKA_BOOTSTRAP_SERVERS='$(kafka_bootstrap)'
export PGHOST='$PGHOST' PGPORT='$PGPORT'
export REDIS_HOST='$REDIS_HOST' REDIS_PORT='$REDIS_PORT'
export HARVEST_JWT_ISSUER='${HARVEST_JWT_ISSUER:-https://harvest.live/local}'
export HARVEST_JWT_PUBLIC_KEY='$JWT_DIR/publicKey.pem'
export HARVEST_JWT_PRIVATE_KEY='$JWT_DIR/privateKey.pem'
export OIDC_AUTH_SERVER_URL='$(keycloak_issuer)'
export KEYCLOAK_URL='$KEYCLOAK_URL'
EOF
}

# kafka ALIAS|CLASS ARGS... : run a Kafka CLI tool from the cached classpath.
kafka_cli() {
  (($# > 0)) || die "usage: $0 kafka topics|console-producer|console-consumer|consumer-groups|api-versions|metadata-quorum|get-offsets|storage|<main class> [args...]"
  local main="$1"; shift
  case "$main" in
    topics)           main=org.apache.kafka.tools.TopicCommand ;;
    console-producer) main=org.apache.kafka.tools.ConsoleProducer ;;
    console-consumer) main=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
    consumer-groups)  main=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
    api-versions)     main=org.apache.kafka.tools.BrokerApiVersionsCommand ;;
    metadata-quorum)  main=org.apache.kafka.tools.MetadataQuorumCommand ;;
    get-offsets)      main=org.apache.kafka.tools.GetOffsetShell ;;
    storage)          main=kafka.tools.StorageTool ;;
  esac
  kafka_tool "$main" "$@"
}

# =================================================================== MAIN ===

usage() {   # the header comment of this file; to stderr on misuse
  local code="${1:-0}"
  awk 'NR > 1 && !/^#/ {exit} NR > 1 {sub(/^# ?/, ""); print}' "$0" \
    | if ((code == 0)); then cat; else cat >&2; fi
  exit "$code"
}

components() {   # components DEFAULT... -- ARGS... : echo the selected components
  local defaults=() c
  while [[ "$1" != -- ]]; do defaults+=("$1"); shift; done
  shift
  if (($# == 0)); then echo "${defaults[*]}"; return; fi
  for c in "$@"; do
    [[ " ${defaults[*]} " == *" $c "* ]] || die "unknown component '$c' (expected: ${defaults[*]})"
  done
  echo "$*"
}

# Serialise up/down/reset-* per run dir (two `up`s racing would start two
# brokers on one data dir). flock -o: the lock fd is not inherited by the
# script, so daemons it starts never hold the lock.
with_lock() {
  if [[ -n "${_HARVEST_INFRA_LOCK_HELD:-}" ]] || ! have flock; then
    return 0
  fi
  local rc=0
  _HARVEST_INFRA_LOCK_HELD=1 flock -o -w "${HARVEST_LOCK_TIMEOUT:-300}" -E 75 \
    "$RUN/.infra.lock" "${BASH_SOURCE[0]}" "$@" || rc=$?
  ((rc != 75)) || die "another infra.sh up/down still holds $RUN/.infra.lock"
  exit "$rc"
}

main() {
  local cmd="${1:-}" c selected
  export HARVEST_TOP_SCRIPT="${HARVEST_TOP_SCRIPT:-$0}" HARVEST_TOP_ARGS="${HARVEST_TOP_ARGS-$*}"
  case "$cmd" in up|down|reset-kafka|reset-keycloak) with_lock "$@" ;; esac
  (($# > 0)) && shift
  if [[ "$cmd" != kafka ]]; then   # --brokers N anywhere among the arguments (not those of a Kafka tool)
    local args=()
    while (($# > 0)); do
      case "$1" in
        --brokers) (($# > 1)) || die "--brokers needs a number"; KAFKA_BROKERS_FLAG="$2"; shift 2 ;;
        --brokers=*) KAFKA_BROKERS_FLAG="${1#--brokers=}"; shift ;;
        *) args+=("$1"); shift ;;
      esac
    done
    set -- "${args[@]+"${args[@]}"}"
  fi
  KAFKA_BROKERS="$(kafka_broker_count)"
  case "$cmd" in
    up)
      local t0=$SECONDS
      # keycloak last: the slowest to start, and nothing above depends on it
      selected="$(components jwt postgres redis kafka keycloak -- "$@")"
      # shellcheck disable=SC2086  # one word per component
      preflight_up $selected
      for c in $selected; do "${c}_up"; done
      log "infra up ($selected) in $((SECONDS - t0))s -- run dir $RUN"
      ;;
    down)
      # Every component gets its turn even when one could not be stopped; then `down` fails naming it.
      local failed=() rc
      selected="$(components keycloak kafka redis postgres -- "$@")"
      for c in $selected; do
        set +e
        (set -e; "${c}_down")
        rc=$?
        set -e
        ((rc == 0)) || failed+=("$c")
      done
      ((${#failed[@]} == 0)) || die "down: could not stop ${failed[*]} (see above); it is still running and remembered"
      ;;
    check)
      selected="$(components jwt postgres redis kafka keycloak -- "$@")"
      # shellcheck disable=SC2086
      preflight_up $selected
      log "prerequisites for 'up $selected' are all here"
      ;;
    status)      status ;;
    env)         print_env ;;
    kafka)       kafka_cli "$@" ;;
    reset-kafka) kafka_reset ;;
    reset-keycloak) keycloak_reset ;;
    -h|--help|help) usage 0 ;;
    *) usage 2 ;;
  esac
}

main "$@"
