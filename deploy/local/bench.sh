#!/usr/bin/env bash
# The flash-sale benchmark (issue 14, docs/benchmark.md, ADR 0023) against the running stack (deploy/local/stack.sh up).
# Prints one table side by side and saves the run as JSON in $HARVEST_RUN_DIR/bench/<UTC timestamp>.json
# (HARVEST_BENCH_DIR to save elsewhere; .run/ is ignored by git).
#
#   deploy/local/bench.sh [--quick] [--threads 2] [--connections 32] [--duration 15] [--warmup 5]
#                         [--pay-rate 180] [--pay-duration 15] [--tiny-units 500] [--label TEXT]
#
#   --quick          a smoke run of about 1½ minutes (5 s phases, 2 s warm-up, fewer buyers)
#   --threads/--connections   wrk threads and connections, also pgbench's -j/-c (default 2 / 32, as in issue 14)
#   --duration S     seconds per load phase: bare, row lock, sold-out, accepted (default 15)
#   --pay-rate R     payment callbacks offered per second (default 180: under the callbacks policy of 200/s per
#                    address while the rate limiter is on; pass 1000 for the issue's target with the limiter off)
#   --label TEXT     a note saved with the run (e.g. "limiter off", "loaded by other work")
#
# Each run prepares its own seller, product, stream, offers and buyers through the public APIs, so it can be
# repeated. It installs wrk (apt-get) when missing and builds services/e2e when its jar is missing or stale.
# It does not start, stop or reconfigure the services: the rate limiter is as the running orders service has it
# (HARVEST_RATE_LIMIT_ENABLED in its environment); the table says which.
{   # the whole script is read before it runs, so editing it (or a git checkout) during a run cannot derail that run
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR
source "$SCRIPT_DIR/lib.sh"
# shellcheck disable=SC2034  # read by lib.sh's log()
HARVEST_LOG_TAG=bench
REPO="$(repo_root)"
RUN="$(run_dir)"

threads=2 connections=32 duration=15 warmup=5 pay_rate=180 pay_duration=15 tiny_units=500 label=""
tiny_buyers=2000 huge_buyers=8000 quick=0
while (($# > 0)); do
  case "$1" in
    --quick) quick=1; duration=5; warmup=2; pay_duration=5; tiny_units=100; tiny_buyers=500; huge_buyers=1500; shift ;;
    --threads|--connections|--duration|--warmup|--pay-rate|--pay-duration|--tiny-units)
      [[ "${2:-}" =~ ^[0-9]+$ && "$2" -gt 0 ]] || die "$1 needs a positive whole number"
      case "$1" in
        --threads) threads=$2 ;; --connections) connections=$2 ;; --duration) duration=$2 ;;
        --warmup) warmup=$2 ;; --pay-rate) pay_rate=$2 ;; --pay-duration) pay_duration=$2 ;;
        --tiny-units) tiny_units=$2 ;;
      esac
      shift 2 ;;
    --label) label="${2:-}"; shift 2 ;;
    *) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
((connections >= threads)) || die "--connections must be at least --threads"

SERVICES=(catalog livestream orders logistics integrations)
port_of() {
  case "$1" in
    catalog) echo "${CATALOG_PORT:-8081}" ;; livestream) echo "${LIVESTREAM_PORT:-8082}" ;;
    orders) echo "${ORDERS_PORT:-8083}" ;; logistics) echo "${LOGISTICS_PORT:-8084}" ;;
    integrations) echo "${INTEGRATIONS_PORT:-8085}" ;;
  esac
}
HOST="${SERVICE_HOST:-127.0.0.1}"
ORDERS="http://$HOST:$(port_of orders)"
export CATALOG_URL="http://$HOST:$(port_of catalog)" LIVESTREAM_URL="http://$HOST:$(port_of livestream)" \
  ORDERS_URL="$ORDERS" LOGISTICS_URL="http://$HOST:$(port_of logistics)"
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGSUPERUSER="${PGSUPERUSER:-postgres}"
BENCH_DB="${HARVEST_BENCH_DB:-harvest_bench}"
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
sql() {   # sql DATABASE SQL -> unaligned, tuples only
  psql -X -w -q -At -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -d "$1" -c "$2"
}

# ------------------------------------------------------------------------------------------------ checks ---
if ! have wrk; then
  log "installing wrk (Debian package) ..."
  as_root apt-get install -y wrk >/dev/null || as_root bash -c 'apt-get update -qq && apt-get install -y wrk' >/dev/null \
    || die "cannot install wrk: $(install_hint wrk)"
fi
for tool in psql jq java curl; do have "$tool" || die "bench.sh needs $tool"; done
pgbench --version >/dev/null 2>&1 \
  || die "bench.sh needs pgbench (Debian 12: in the PostgreSQL server package, $(install_hint postgresql-15))"
for svc in "${SERVICES[@]}"; do
  curl -sf -o /dev/null --max-time 5 "http://$HOST:$(port_of "$svc")/q/health/ready" \
    || die "$svc is not ready on port $(port_of "$svc"): start the stack first (deploy/local/stack.sh up)"
done
sql postgres 'select 1' >/dev/null \
  || die "cannot reach PostgreSQL as $PGSUPERUSER at $PGHOST:$PGPORT (set PGSUPERUSER/PGHOST/PGPORT)"
[[ -f "$RUN/jwt/privateKey.pem" ]] || die "no local signing key in $RUN/jwt: start the stack first (deploy/local/stack.sh up)"

jar="$REPO/services/e2e/target/e2e-1.0.0-SNAPSHOT.jar"
cp_file="$REPO/services/e2e/target/demo-classpath.txt"
if [[ ! -f "$jar" || ! -f "$cp_file" || -n "$(find "$REPO/services/e2e/src/main" -newer "$jar" -type f -print -quit)" ]]; then
  log "building the benchmark's Java half (services/e2e) ..."
  (cd "$REPO" && ./mvnw -B -q package -DskipTests -pl services/e2e -am) || die "build failed"
fi
bench_java() {   # bench_java PHASE -Dprop=value...
  local phase="$1"; shift
  java -Xmx384m -XX:+UseSerialGC -DsigningKey="file:$RUN/jwt/privateKey.pem" -Dout="$work" "$@" \
    -cp "$jar:$(cat "$cp_file")" live.harvest.e2e.BenchMain "$phase"
}

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="${HARVEST_BENCH_DIR:-$RUN/bench}"
work="$OUT/work-$stamp"
mkdir -p "$work"
result="$OUT/$stamp.json"
feed_pid=""
cleanup() { if [[ -n "$feed_pid" ]]; then kill "$feed_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

rss_all() {   # JSON {service: RSS MB} of the running services, from their pid files
  local svc pid kb out="{}"
  for svc in "${SERVICES[@]}"; do
    kb=null
    if pid="$(pid_alive "$RUN/pids/$svc.pid" quarkus-run.jar)"; then
      kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo null)"
    fi
    out="$(jq -c --arg s "$svc" --argjson kb "${kb:-null}" '. + {($s): (if $kb == null then null else ($kb / 1024 | floor) end)}' <<<"$out")"
  done
  echo "$out"
}
limiter_state() {   # what the running orders service was started with
  local pid value
  if pid="$(pid_alive "$RUN/pids/orders.pid" quarkus-run.jar)" && [[ -r "/proc/$pid/environ" ]]; then
    value="$(tr '\0' '\n' <"/proc/$pid/environ" | sed -n 's/^HARVEST_RATE_LIMIT_ENABLED=//p')"
    if [[ "${value,,}" == false ]]; then echo off; else echo on; fi
  else
    echo unknown
  fi
}
wrk_phase() {   # wrk_phase NAME URL SECONDS [OFFER TOKENS]   (BENCH_STOP_ON: until every thread met that answer)
  local name="$1" url="$2" secs="$3" offer="${4:-}" tokens="${5:-}" pid
  BENCH_OUT="$work/$name.json" BENCH_OFFER="$offer" BENCH_STOP_ON="${BENCH_STOP_ON:-}" BENCH_TOKENS="$tokens" \
    BENCH_THREADS="$threads" BENCH_ADDRESS="$address" BENCH_KEY_PREFIX="$stamp-$name" \
    wrk -t"$threads" -c"$connections" -d"${secs}s" --timeout 10s -s "$SCRIPT_DIR/bench/phase.lua" "$url" \
    >"$work/$name.wrk.txt" 2>&1 &
  pid=$!
  if [[ -n "${BENCH_STOP_ON:-}" ]]; then
    while kill -0 "$pid" 2>/dev/null; do
      if (($(find "$work" -maxdepth 1 -name "$name.json.stopped.*" | wc -l) >= threads)); then
        kill -INT "$pid" 2>/dev/null || true   # wrk stops, prints and runs done() on SIGINT
        break
      fi
      sleep 0.05
    done
  fi
  wait "$pid" || { cat "$work/$name.wrk.txt" >&2; die "wrk phase $name failed"; }
  [[ -s "$work/$name.json" ]] || die "wrk phase $name wrote no figures (see $work/$name.wrk.txt)"
}

machine="$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
orders_up=null   # seconds since the orders JVM started: a JVM minutes old is still compiling (the figures read low)
if orders_pid="$(pid_alive "$RUN/pids/orders.pid" quarkus-run.jar)"; then
  orders_up="$(ps -o etimes= -p "$orders_pid" | tr -d ' ')"
  [[ "$orders_up" =~ ^[0-9]+$ ]] || orders_up=null
  if [[ "$orders_up" != null ]] && ((orders_up < 300)); then
    warn "orders started ${orders_up}s ago: its JIT is still cold and the figures will read low (run twice, or --warmup 60)"
  fi
fi
rss_before="$(rss_all)"
limiter="$(limiter_state)"
log "machine: $machine; load average $load_before; rate limiter $limiter"

# ------------------------------------------------------------------------------------------------ prepare ---
log "preparing a seller, a product, a live stream with two offers, $((tiny_buyers + huge_buyers)) buyer tokens ..."
bench_java prepare -DtinyUnits="$tiny_units" -DtinyBuyers="$tiny_buyers" -DhugeBuyers="$huge_buyers" \
  >"$work/prepare.log" 2>&1 || { tail -30 "$work/prepare.log" >&2; die "prepare failed"; }
prepared="$(cat "$work/prepare.json")"
address="$(jq -c .address <<<"$prepared")"
tiny_offer="$(jq -r .tinyOfferId <<<"$prepared")"
huge_offer="$(jq -r .hugeOfferId <<<"$prepared")"
stream="$(jq -r .streamId <<<"$prepared")"

# ------------------------------------------------------------------------------------------------ warm-up ---
log "warm-up: ${warmup}s bare, ${warmup}s buying the huge offer (JIT, pools, connections) ..."
wrk_phase warmup-bare "$ORDERS/q/health/live" "$warmup"
wrk_phase warmup-buy "$ORDERS/api/v1/orders" "$warmup" "$huge_offer" "$work/huge-tokens.txt"

# --------------------------------------------------------------------------------------------- bare endpoint ---
log "bare endpoint: GET /q/health/live on orders, ${duration}s ..."
wrk_phase bare "$ORDERS/q/health/live" "$duration"

# ----------------------------------------------------------------------------------------------- row lock ---
log "row-lock baseline: pgbench, one hot row, -c $connections -j $threads, ${duration}s ..."
if [[ -z "$(sql postgres "select 1 from pg_database where datname = '$BENCH_DB'")" ]]; then
  sql postgres "create database $BENCH_DB" >/dev/null
fi
sql "$BENCH_DB" "drop table if exists hot_row; create table hot_row (id int primary key, qty bigint not null);
                 insert into hot_row values (1, 1000000000000)" >/dev/null
printf 'UPDATE hot_row SET qty = qty - 1 WHERE id = 1 AND qty > 0;\n' >"$work/rowlock.sql"
# PostgreSQL's 100 connections are budgeted (docs/architecture.md): the stack, a test JVM and the e2e services may
# need all but a few. pgbench takes the same concurrency as wrk only if that leaves 30 free, else fewer (and says so).
free_conns="$(sql postgres "select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
  - (select count(*) from pg_stat_activity where backend_type = 'client backend')")"
pg_clients=$connections
if ((free_conns - pg_clients < 30)); then
  pg_clients=$((free_conns - 30 < threads ? threads : free_conns - 30))
  warn "PostgreSQL has $free_conns connections free: the row-lock baseline runs with $pg_clients clients, not $connections"
fi
mkdir -p "$work/pgbench"
(cd "$work/pgbench" && pgbench -n -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -c "$pg_clients" -j "$threads" \
  -T "$duration" -f "$work/rowlock.sql" -l --log-prefix=rowlock "$BENCH_DB") >"$work/rowlock.txt" 2>&1 \
  || { cat "$work/rowlock.txt" >&2; die "pgbench failed"; }
rowlock_tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/rowlock.txt" | tail -1)"
# per-transaction log: client, transaction no, latency (µs), ...
cat "$work"/pgbench/rowlock.* | awk '{print $3}' | sort -n >"$work/rowlock.lat"
pct() { awk -v p="$1" '{a[NR]=$1} END {if (NR == 0) {print "null"; exit} i = int(p / 100 * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR; printf "%.2f\n", a[i] / 1000}' "$2"; }
rowlock="$(jq -n --argjson tps "${rowlock_tps:-0}" --argjson p50 "$(pct 50 "$work/rowlock.lat")" \
  --argjson p99 "$(pct 99 "$work/rowlock.lat")" --arg sc "$(sql postgres 'show synchronous_commit')" \
  --arg fsync "$(sql postgres 'show fsync')" \
  --argjson clients "$pg_clients" \
  '{perSecond: $tps, latencyMillis: {p50: $p50, p99: $p99}, clients: $clients, synchronousCommit: $sc, fsync: $fsync}')"

# ------------------------------------------------------------------------------------- rush + feed lag ---
log "rush: a viewer on the feed, then buyers empty the tiny offer ($tiny_units units) ..."
rm -f "$work/feed.ready"
bench_java feed -DstreamId="$stream" -DofferId="$tiny_offer" -Dseconds=600 >"$work/feed.log" 2>&1 &
feed_pid=$!
for ((i = 0; i < 300; i++)); do
  [[ -f "$work/feed.ready" ]] && break
  kill -0 "$feed_pid" 2>/dev/null || { cat "$work/feed.log" >&2; die "the feed viewer stopped"; }
  sleep 0.1
done
[[ -f "$work/feed.ready" ]] || die "the feed viewer got no snapshot in 30 s"
# each wrk thread stops at its first sold-out answer; 120 s is only the limit
rush_start_ms="$(date +%s%3N)"
BENCH_STOP_ON=sold-out wrk_phase rush "$ORDERS/api/v1/orders" 120 "$tiny_offer" "$work/tiny-tokens.txt"
for ((i = 0; i < 300; i++)); do   # the viewer ends by itself at the offer's sold-out event; 30 s at most
  kill -0 "$feed_pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$feed_pid" 2>/dev/null; then
  warn "the feed showed no sold-out within 30 s of the rush"
  kill "$feed_pid" 2>/dev/null || true
fi
wait "$feed_pid" 2>/dev/null || true
feed_pid=""
pool_empty_ms="$(sql harvest_orders "select coalesce(floor(extract(epoch from max(o.placed_at)) * 1000), 0)::bigint
  from customer_order o join order_line l on l.order_id = o.id where l.offer_id = '$tiny_offer'")"
tiny_sold="$(sql harvest_orders "select coalesce(sum(quantity), 0) from order_line where offer_id = '$tiny_offer'")"
touch "$work/feed-events.jsonl"
feed="$(jq -s --arg offer "$tiny_offer" --argjson empty "$pool_empty_ms" --argjson units "$tiny_units" '
  (map(select(.type == "sold-out" and .data.offerId == $offer)) | first) as $sold
  | (map(select(.type == "stock" and .data.offerId == $offer and .at <= $empty)) | last) as $shown
  | {soldOutSeen: ($sold != null), poolEmptyAtMillis: $empty, soldOutEventAtMillis: $sold.at,
     lagMillis: (if $sold == null then null else $sold.at - $empty end),
     unitsShownWhenEmpty: (if $shown == null then $units else $shown.data.remaining end),
     stockEvents: (map(select(.type == "stock" and .data.offerId == $offer)) | length)}' \
  "$work/feed-events.jsonl")"

# ------------------------------------------------------------------------------------------------ sold-out ---
log "sold-out: ${duration}s of buying the emptied tiny offer ..."
wrk_phase soldout "$ORDERS/api/v1/orders" "$duration" "$tiny_offer" "$work/tiny-tokens.txt"

# ------------------------------------------------------------------------------------------------ accepted ---
log "accepted: ${duration}s of buying the huge offer ..."
wrk_phase accepted "$ORDERS/api/v1/orders" "$duration" "$huge_offer" "$work/huge-tokens.txt"

# -------------------------------------------------------------------------------------------- paid -> routed ---
pay_count=$((pay_rate * pay_duration))
log "paid -> routed: paying up to $pay_count of the huge offer's orders at $pay_rate/s ..."
sql harvest_orders "select o.id || ' ' || o.total_fen from customer_order o
  where o.status = 'PENDING_PAYMENT' and o.id in (select order_id from order_line where offer_id = '$huge_offer')
  order by o.placed_at limit $pay_count" >"$work/to-pay.txt"
bench_java pay -Dorders="$work/to-pay.txt" -Drate="$pay_rate" -Dseconds="$pay_duration" >"$work/pay.log" 2>&1 \
  || { tail -30 "$work/pay.log" >&2; die "the payment phase failed"; }
paid_sql="select o.id from customer_order o where o.status <> 'PENDING_PAYMENT' and o.paid_at is not null
  and o.id in (select order_id from order_line where offer_id = '$huge_offer')"
paid="$(sql harvest_orders "select count(*) from ($paid_sql) p")"
routed=0
for ((i = 0; i < 240; i++)); do   # up to 2 minutes for the pipeline to catch up
  routed="$(sql harvest_logistics "select count(*) from shipment where station_code like 'STN-$(jq -r .county <<<"$prepared")%'
    and status in ('ROUTED', 'ROUTING_FAILED')")"
  ((routed >= paid)) && break
  sleep 0.5
done
sql "$BENCH_DB" "drop table if exists paid_at, routed_at;
  create table paid_at (order_id uuid primary key, at timestamptz); create table routed_at (order_id uuid primary key, at timestamptz)" >/dev/null
psql -X -w -q -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -d harvest_orders -c "\\copy (select o.id, o.paid_at from customer_order o
  where o.paid_at is not null and o.id in (select order_id from order_line where offer_id = '$huge_offer')) to stdout" \
  | psql -X -w -q -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -d "$BENCH_DB" -c '\copy paid_at from stdin'
psql -X -w -q -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -d harvest_logistics -c "\\copy (select order_id, status_changed_at
  from shipment where station_code like 'STN-$(jq -r .county <<<"$prepared")%' and status = 'ROUTED') to stdout" \
  | psql -X -w -q -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -d "$BENCH_DB" -c '\copy routed_at from stdin'
pipeline="$(sql "$BENCH_DB" "select json_build_object('paid', (select count(*) from paid_at), 'routed', count(r.order_id),
  'p50Millis', round((percentile_cont(0.5) within group (order by extract(epoch from r.at - p.at) * 1000))::numeric, 1),
  'p99Millis', round((percentile_cont(0.99) within group (order by extract(epoch from r.at - p.at) * 1000))::numeric, 1),
  'maxMillis', round(max(extract(epoch from r.at - p.at) * 1000)::numeric, 1))
  from paid_at p join routed_at r using (order_id)")"
pipeline="$(jq -c --slurpfile pay "$work/pay.json" '. + {callbacks: $pay[0]}' <<<"$pipeline")"

# ------------------------------------------------------------------------------------------------ results ---
rss_after="$(rss_all)"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
jq -n --arg stamp "$stamp" --arg note "$label" --arg machine "$machine" --arg limiter "$limiter" \
  --arg loadBefore "$load_before" --arg loadAfter "$load_after" --argjson ordersUp "${orders_up:-null}" --arg commit "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  --argjson quick "$quick" --argjson threads "$threads" --argjson connections "$connections" \
  --argjson duration "$duration" --argjson payRate "$pay_rate" --argjson payDuration "$pay_duration" \
  --argjson prepared "$prepared" --argjson tinySold "$tiny_sold" --argjson rushStart "$rush_start_ms" \
  --slurpfile bare "$work/bare.json" --slurpfile rush "$work/rush.json" --slurpfile soldout "$work/soldout.json" --slurpfile accepted "$work/accepted.json" \
  --argjson rowlock "$rowlock" --argjson feed "$feed" --argjson pipeline "$pipeline" \
  --argjson rssBefore "$rss_before" --argjson rssAfter "$rss_after" '
  def ratio(a; b): if b == null or b == 0 then null else ((a / b) * 1000 | round) / 1000 end;
  ($accepted[0].answers["201"] // 0) as $acc
  | {run: $stamp, "label": $note, commit: $commit, machine: $machine, loadAverage: {before: $loadBefore, after: $loadAfter},
     settings: {quick: ($quick == 1), wrkThreads: $threads, connections: $connections, phaseSeconds: $duration,
                payRate: $payRate, paySeconds: $payDuration, rateLimiter: $limiter, ordersUptimeSeconds: $ordersUp,
                bareEndpoint: "GET /q/health/live (orders)"},
     offers: ($prepared | del(.address)), tinyUnitsSold: $tinySold, oversold: ($tinySold > $prepared.tinyUnits),
     bare: $bare[0],
     rush: ($rush[0] + {startedAtMillis: $rushStart, emptiedMillis: ($feed.poolEmptyAtMillis - $rushStart)}
            | .acceptedPerSecond = (if .emptiedMillis > 0 then ((.answers["201"] // 0) / (.emptiedMillis / 1000) | . * 10 | round / 10) else null end)), soldOut: $soldout[0], accepted: ($accepted[0] + {acceptedPerSecond: ($acc / ($accepted[0].durationMicros / 1e6) | . * 10 | round / 10)}),
     rowLock: $rowlock, feed: $feed, paidToRouted: $pipeline, rssMb: {before: $rssBefore, after: $rssAfter}}
  | .ratios = {soldOutPerBare: ratio(.soldOut.perSecond; .bare.perSecond),
               acceptedPerBare: ratio(.accepted.acceptedPerSecond; .bare.perSecond),
               soldOutPerRowLock: ratio(.soldOut.perSecond; .rowLock.perSecond),
               acceptedPerRowLock: ratio(.accepted.acceptedPerSecond; .rowLock.perSecond)}' >"$result"

jq -r '
  "",
  "Flash-sale benchmark \(.run)\(if ."label" != "" then " (" + ."label" + ")" else "" end), commit \(.commit)\(if .settings.quick then ", --quick" else "" end)",
  "machine: \(.machine)",
  "load average before \(.loadAverage.before), after \(.loadAverage.after)",
  "wrk \(.settings.wrkThreads) threads, \(.settings.connections) connections, \(.settings.phaseSeconds) s a phase; rate limiter \(.settings.rateLimiter); orders up \(.settings.ordersUptimeSeconds // "?") s before the run",
  ""' "$result"
jq -r '
  def n: if . == null then "-" else tostring end;
  def r: if . == null then "-" else (. * 10 | round / 10 | tostring) end;
  def ms: if . == null then "-" else (r + " ms") end;
  def answers: [to_entries[] | "\(.key) x\(.value)"] | join(", ");
  (["figure", "rate/s", "p50", "p99", "target", "notes"] | @tsv),
  (["bare endpoint", (.bare.perSecond | r), (.bare.latencyMillis.p50 | ms), (.bare.latencyMillis.p99 | ms), "-", .settings.bareEndpoint] | @tsv),
  (["sold-out attempts", (.soldOut.perSecond | r), (.soldOut.latencyMillis.p50 | ms), (.soldOut.latencyMillis.p99 | ms), ">= 8000/s, p99 <= 50 ms", (.soldOut.answers | answers)] | @tsv),
  (["accepted orders", (.accepted.acceptedPerSecond | r), (.accepted.latencyMillis.p50 | ms), (.accepted.latencyMillis.p99 | ms), ">= 2000/s, p99 <= 100 ms", (.accepted.answers | answers)] | @tsv),
  (["row lock (pgbench)", (.rowLock.perSecond | r), (.rowLock.latencyMillis.p50 | ms), (.rowLock.latencyMillis.p99 | ms), "-", "one hot row, \(.rowLock.clients) clients, synchronous_commit \(.rowLock.synchronousCommit)"] | @tsv),
  (["paid -> routed", "\(.paidToRouted.callbacks.achievedRate | r) sent", (.paidToRouted.p50Millis | ms), (.paidToRouted.p99Millis | ms), "p99 <= 500 ms at 1000/s", "\(.paidToRouted.callbacks.offeredRate | r)/s asked for \(.settings.paySeconds) s, \(.paidToRouted.callbacks.ordersAvailable) orders to pay; \(.paidToRouted.routed) routed of \(.paidToRouted.paid) paid; callbacks " + (.paidToRouted.callbacks.answers | answers)] | @tsv),
  (["rush (tiny offer)", (.rush.acceptedPerSecond | r), (.rush.latencyMillis.p50 | ms), (.rush.latencyMillis.p99 | ms), "-", "\(.offers.tinyUnits) units gone \(.rush.emptiedMillis) ms after the first buy; " + (.rush.answers | answers)] | @tsv),
  (["feed shows sold-out", "-", "lag " + (.feed.lagMillis | ms), "-", "<= 250 ms", "\(.feed.unitsShownWhenEmpty) units still shown when the pool was empty; sold \(.tinyUnitsSold) of \(.offers.tinyUnits)\(if .oversold then " OVERSOLD" else "" end)"] | @tsv)' "$result" \
  | column -t -s $'\t'
jq -r '
  def n: if . == null then "-" else tostring end;
  "",
  "ratios: sold-out/bare \(.ratios.soldOutPerBare | n), accepted/bare \(.ratios.acceptedPerBare | n), sold-out/row-lock \(.ratios.soldOutPerRowLock | n), accepted/row-lock \(.ratios.acceptedPerRowLock | n)",
  "",
  "RSS in MB (target <= 250 after a rush):"' "$result"
jq -r '
  def n: if . == null then "-" else tostring end;
  (["service", "before", "after"] | join("\t")),
  (.rssMb.before | keys_unsorted[]) as $s | ([$s, (.rssMb.before[$s] | n), (.rssMb.after[$s] | n)] | join("\t"))' "$result" \
  | column -t -s $'\t'
echo
log "saved $result (phase outputs in $work)"
exit 0
}
