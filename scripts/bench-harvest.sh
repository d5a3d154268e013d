#!/usr/bin/env bash
# Harvest benchmark against the built-in sandbox: starts the application jar on free ports with a throw-away
# data directory, a sandbox of OFFERS synthetic offers that answers 429 above RATE requests per second, and
# the client limited to the same RATE; runs one harvest (POST /admin/harvest) to its end and reports the
# harvest stage's wall time against the floor (requests / RATE), the busiest rolling second the sandbox
# saw and the 429s it answered.
# Usage: scripts/bench-harvest.sh [offers, default 30000] [rate, default 10]
#   (needs curl and jq; builds the jar offline if missing; exit 2 when the rate limit was exceeded)
#   BENCH_LOG=<file> keeps a copy of the application log.
set -euo pipefail
cd "$(dirname "$0")/.."
OFFERS="${1:-30000}"
RATE="${2:-10}"
ADMIN_TOKEN="bench-$RANDOM$RANDOM"
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install -y $tool)" >&2; exit 1; }
done
[ -f target/jobmarket.jar ] || mvn -q -o -DskipTests package

# a port nobody listens on (the embedded PostgreSQL takes any free port by itself)
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
HTTP_PORT="${BENCH_HTTP_PORT:-$(free_port)}"
BASE="http://127.0.0.1:$HTTP_PORT"
DATA_DIR="$(mktemp -d /tmp/jobmarket-bench-harvest.XXXXXX)"
LOG="$DATA_DIR/app.log"

bench_started=$(date +%s.%N)
JOBMARKET_DATA_DIR="$DATA_DIR" JOBMARKET_HTTP_PORT="$HTTP_PORT" JOBMARKET_DB_EMBEDDED_PORT=0 \
  JOBMARKET_SANDBOX_OFFERS="$OFFERS" JOBMARKET_SANDBOX_RATE_LIMIT="$RATE" JOBMARKET_RATE_LIMIT="$RATE" \
  JOBMARKET_ADMIN_TOKEN="$ADMIN_TOKEN" JOBMARKET_HARVEST_ON_STARTUP=false \
  java ${BENCH_JAVA_OPTS:-} -jar target/jobmarket.jar >"$LOG" 2>&1 &
APP_PID=$!
cleanup() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  [ -z "${BENCH_LOG:-}" ] || cp "$LOG" "$BENCH_LOG"
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT
fail() {
  echo "last lines of the application log:" >&2
  tail -n 30 "$LOG" >&2
  echo "FAILED: $1" >&2
  exit 1
}

for _ in $(seq 1 180); do
  kill -0 "$APP_PID" 2>/dev/null || fail "the application stopped"
  [ "$(curl -s "$BASE/observe/health" | jq -r '.status' 2>/dev/null)" = "UP" ] && break
  sleep 1
done
[ "$(curl -s "$BASE/observe/health" | jq -r '.status' 2>/dev/null)" = "UP" ] || fail "no healthy application after 180 s"

curl -fs -X POST "$BASE/sandbox/stats/reset" >/dev/null || fail "cannot reset the sandbox statistics"
triggered=$(date +%s.%N)
answer=$(curl -fs -X POST -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/admin/harvest") || fail "the harvest was not accepted"
RUN_ID=$(jq -r '.id' <<<"$answer")
echo "harvest run $RUN_ID: $OFFERS sandbox offers, $RATE requests/s (client and sandbox)..."
poll_failures=0
while :; do
  kill -0 "$APP_PID" 2>/dev/null || fail "the application stopped during the run"
  if run=$(curl -fsS --max-time 30 "$BASE/admin/harvests/$RUN_ID" 2>&1) && status=$(jq -er '.status' <<<"$run" 2>/dev/null); then
    poll_failures=0
    [ "$status" != "RUNNING" ] && break
  else
    # the service is busy loading the warehouse: a slow or refused poll is not the run's end
    poll_failures=$((poll_failures + 1))
    echo "polling run $RUN_ID: $run" >&2
    [ "$poll_failures" -lt 30 ] || fail "cannot read run $RUN_ID"
  fi
  sleep 1
done
ended=$(date +%s.%N)
stats=$(curl -fs "$BASE/sandbox/stats") || fail "cannot read the sandbox statistics"
[ "$status" = "SUCCEEDED" ] || fail "run $RUN_ID $status: $(jq -r '.error' <<<"$run")"

collected=$(jq -r '.counts.harvest.collected' <<<"$run")
requests=$(jq -r '.counts.harvest.requests' <<<"$run")
retries=$(jq -r '.counts.harvest.retries' <<<"$run")
wall=$(jq -r '.counts.harvest.seconds' <<<"$run")
run_total=$(jq -r '.counts.total_seconds' <<<"$run")
accepted=$(jq -r '.requests' <<<"$stats")
refused=$(jq -r '.refused_429' <<<"$stats")
busiest=$(jq -r '.busiest_window_requests' <<<"$stats")
read -r floor share < <(awk -v r="$requests" -v rate="$RATE" -v w="$wall" 'BEGIN { f = r / rate; printf "%.1f %.1f\n", f, 100 * f / w }')
read -r trigger_to_end whole < <(awk -v a="$triggered" -v b="$ended" -v s="$bench_started" 'BEGIN { printf "%.1f %.1f\n", b - a, b - s }')

printf '%-46s %s\n' \
  "offers collected" "$collected" \
  "requests sent (run record)" "$requests ($retries retries)" \
  "requests accepted by the sandbox" "$accepted (first $(jq -r '.first_request' <<<"$stats"), last $(jq -r '.last_request' <<<"$stats"))" \
  "429s received" "$refused" \
  "harvest stage wall time" "$wall s" \
  "floor (requests / rate limit)" "$floor s" \
  "share of the rate limit's throughput" "$share % (goal >= 90 %)" \
  "busiest rolling second (sandbox)" "$busiest requests (limit $RATE)" \
  "whole run (harvest to warehouse)" "$run_total s (trigger to end as polled: $trigger_to_end s)" \
  "benchmark (start-up included)" "$whole s"
if [ "$busiest" -gt "$RATE" ] || [ "$refused" -gt 0 ]; then
  echo "RATE LIMIT EXCEEDED: the client sent more than $RATE requests in one second as the sandbox saw them ($refused x 429)" >&2
  exit 2
fi
