#!/usr/bin/env bash
# Paid -> routed consumer benchmark (ADR 0027): how fast one logistics process turns orders.order-paid events into
# routed shipments, and its CPU per order. Needs infra.sh's PostgreSQL and Kafka only; touches no running stack.
#
#   deploy/local/bench-routing.sh [COUNT] [WARMUP]        (5000 and 1000 by default)
#
# Starts the logistics jar with the stack's JVM flags (stack.sh) on a database, topic namespace and consumer group
# of its own, runs RoutingBench (services/logistics/src/test/.../bench), prints its two lines, stops logistics and
# drops the database. Build first: ./mvnw -B install -DskipTests -pl services/platform,services/testkit,services/logistics
#
# Environment
#   LOGISTICS_JAR       the jar to measure     (services/logistics/target/quarkus-app/quarkus-run.jar), e.g. an older build
#   BENCH_HTTP_PORT     logistics' HTTP port   (18084)
#   BENCH_MAVEN_ARGS    extra Maven arguments for the classpath look-up (e.g. -Dmaven.repo.local=...)
#   SERVICE_JAVA_OPTS, SERVICE_MALLOC_ARENA_MAX, KAFKA_MAX_POLL_RECORDS: as for stack.sh / logistics
set -euo pipefail

# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
REPO="$(repo_root)"
service_jvm_defaults
count=${1:-5000}
warmup=${2:-1000}
jar=${LOGISTICS_JAR:-$REPO/services/logistics/target/quarkus-app/quarkus-run.jar}
run="routingbench$(date +%s)"
db="harvest_logistics_$run"
work=$(mktemp -d)
psql_admin() { psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U postgres -qAt "$@"; }

[[ -f $jar ]] || { echo "no $jar: build logistics first" >&2; exit 2; }
# shellcheck disable=SC2086  # BENCH_MAVEN_ARGS is a list of arguments
"$REPO/mvnw" -B -q ${BENCH_MAVEN_ARGS:-} -f "$REPO/pom.xml" -pl services/logistics test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp"

psql_admin -c "CREATE DATABASE $db OWNER harvest_logistics"
pid=
cleanup() {
  if [[ -n $pid ]]; then kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; fi
  psql_admin -c "DROP DATABASE IF EXISTS $db" || true
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086  # SERVICE_JAVA_OPTS is a list of JVM flags
DB_NAME="$db" HTTP_PORT="${BENCH_HTTP_PORT:-18084}" HARVEST_KAFKA_TOPIC_PREFIX="$run." KAFKA_GROUP_ID="logistics-$run" \
  MALLOC_ARENA_MAX="$SERVICE_MALLOC_ARENA_MAX" java $SERVICE_JAVA_OPTS -jar "$jar" > "$work/logistics.log" 2>&1 &
pid=$!
for _ in $(seq 120); do
  grep -q "started in" "$work/logistics.log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/logistics.log" >&2; exit 1; }
  sleep 1
done
grep -q "started in" "$work/logistics.log" || { echo "logistics did not start" >&2; exit 1; }
echo "logistics pid $pid from $jar; $count orders after $warmup of warm-up"

BENCH_TOPIC="$run.harvest.orders.events" DB_USER=harvest_logistics DB_PASSWORD=harvest \
  BENCH_JDBC_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$db" \
  java -cp "$REPO/services/logistics/target/test-classes:$REPO/services/logistics/target/classes:$(cat "$work/cp")" \
  live.harvest.logistics.bench.RoutingBench "$pid" "$count" "$warmup"
# What the consumer did: batches committed whole or replayed one by one, records by outcome, retries.
curl -fsS "http://127.0.0.1:${BENCH_HTTP_PORT:-18084}/q/metrics" | grep -E '^harvest_consumer_(batches|events|retries)' \
  | grep -v ' 0.0$' || true
