#!/usr/bin/env bash
# The query API as a population of users would use it, on the 120,000 offers of scripts/bench-api-data.sql:
#  1. starts the application jar on a throw-away data directory (embedded PostgreSQL), loads the offers, stops it;
#  2. starts a fresh instance on that warehouse, waits until /observe/health is UP (and, for a version with the
#     in-memory index, until its log says its first answers are served), then asks each endpoint once,
#     unfiltered and then with filters never asked before: its cold first answers (curl time_total);
#  3. runs wrk (2 threads, 50 connections, --latency) with scripts/bench-api-mix.lua, a random mix of the documented
#     filters (locations included, the rankings' too) over seven endpoints with Accept: application/json: a warm-up run, then the measured run; prints
#     p50/p90/p99/max, requests/s, errors (non-2xx and socket errors) and the share of answers that were cached
#     (from the route processors' counters read through Jolokia: computed = the "-sql" and "-index" steps) and the
#     CPU time per request of the application and its embedded PostgreSQL (from /proc: on a machine shared with other
#     work, the figure that moves least);
#  4. stops the application and deletes the data directory, whatever happened.
# The machine's load average is printed with each figure: other programs running meanwhile slow every number.
# Usage: scripts/bench-api-mix.sh [measured seconds, default 30] [jar, default target/jobmarket.jar]
# BENCH_JAVA_OPTS replaces the JVM options of the README's run command (-XX:+UseParallelGC; e.g. "" for the
# default G1, or -XX:+UseParallelGC -Xlog:gc); BENCH_KEEP=1 keeps the data directory and the log;
# BENCH_REUSE=<kept directory> starts on the warehouse loaded by an earlier run (kept, not deleted).
# Needs wrk, curl and jq; builds the jar when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-30}"
JAR="${2:-target/jobmarket.jar}"
WARMUP="${BENCH_WARMUP:-10}"
HTTP_PORT="${BENCH_HTTP_PORT:-18392}"
DB_PORT="${BENCH_DB_PORT:-15492}"
BASE="http://127.0.0.1:$HTTP_PORT"
for tool in wrk curl jq; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install -y $tool)" >&2; exit 1; }
done
[ -f "$JAR" ] || mvn -q -o -DskipTests package
DATA_DIR="${BENCH_REUSE:-$(mktemp -d "${TMPDIR:-/tmp}/jobmarket-bench-mix.XXXXXX")}"
LOG="$DATA_DIR/app.log"
touch "$LOG"
APP_PID=""

stop_app() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
  fi
}
cleanup() {
  set +e
  stop_app
  if [ -n "${BENCH_KEEP:-}${BENCH_REUSE:-}" ]; then echo "kept: $DATA_DIR (app.log, embedded PostgreSQL)"; else rm -rf "$DATA_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_app() {
  local logged ready=""
  logged=$(wc -l <"$LOG")
  JOBMARKET_DATA_DIR="$DATA_DIR" JOBMARKET_HTTP_PORT="$HTTP_PORT" JOBMARKET_DB_EMBEDDED_PORT="$DB_PORT" \
    java ${BENCH_JAVA_OPTS:--XX:+UseParallelGC} -cp "$JAR" fr.jobmarket.JobMarketApplication >>"$LOG" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 300); do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped:" >&2; tail -50 "$LOG" >&2; exit 1; }
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/observe/health" 2>/dev/null)" = 200 ]; then
      # an index-serving version is ready once its first answers are served (the log says so)
      # (no grep -q on unzip's output: under pipefail, unzip killed by SIGPIPE would count as "no index")
      unzip -l "$JAR" 'sql/api/index/*' >/dev/null 2>&1 || { ready=1; break; }
      tail -n +"$((logged + 1))" "$LOG" | grep -q "API answers now from" && { ready=1; break; }
    fi
    sleep 0.5
  done
  [ -n "$ready" ] || { echo "the application did not become ready within 150 s" >&2; exit 1; }
  # a client's first look, as an operator's probe would do it: the REST layer is loaded before any query
  curl -fs -o /dev/null "$BASE/about"
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
# user + system CPU time of the application and of its embedded PostgreSQL (its child processes), in ticks
cpu_ticks() {
  local pids="$APP_PID" next="$APP_PID" children
  while [ -n "$next" ]; do
    children=$(for p in $next; do pgrep -P "$p" || true; done)
    pids="$pids $children"; next="$children"
  done
  for p in $pids; do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done | awk '{t += $1} END {print t + 0}'
}

# Sum of ExchangesCompleted over the route processors whose id ends with one of the given suffixes.
processed() {
  curl -s "$BASE/observe/jolokia/read/org.apache.camel:context=*,type=processors,name=*/ExchangesCompleted" \
    | jq --arg re "name=\"[^\"]*-($1)\"" '[.value | to_entries[] | select(.key | test($re)) | .value.ExchangesCompleted] | add // 0'
}

echo "jar: $JAR ($(date -r "$JAR" '+%F %T')); load average $(load)"
if [ -z "${BENCH_REUSE:-}" ]; then
start_app
echo "loading 120,000 offers..."
PGPASSFILE="$DATA_DIR/postgres.pgpass" java -cp "$JAR" scripts/RunSql.java "jdbc:postgresql://127.0.0.1:$DB_PORT/jobmarket" scripts/bench-api-data.sql
# a warehouse long loaded, as a restarted service finds it: without this, the first minute after the bulk load
# (autovacuum, hint bits written by the first reads) slows every request of the cold phase by up to seconds
echo "VACUUM (ANALYZE);" >"$DATA_DIR/vacuum.sql"
PGPASSFILE="$DATA_DIR/postgres.pgpass" java -cp "$JAR" scripts/RunSql.java "jdbc:postgresql://127.0.0.1:$DB_PORT/jobmarket" "$DATA_DIR/vacuum.sql"
stop_app
fi

started=$(date +%s.%N)
start_app
echo "fresh instance on the loaded warehouse: healthy after $(echo "$(date +%s.%N) - $started" | bc) s (load average $(load))"
echo "cold first requests (text, then JSON; then a filter never asked before):"
# the seven endpoints of the mix, then the other query endpoints (the last five read their SQL statement)
for path in /stats/total_offres /criteres_recruteurs/competences /criteres_recruteurs/experiences \
            /criteres_recruteurs/qualites_professionnelles /stats/classement/region /stats/classement/departement \
            /stats/classement/ville /stats/offres_par_metier /stats/offres_par_jour_creation /stats/mots_cles \
            /stats/salaires /stats/salaires/tranches /stats/tendances /offre/liste_offres /offre/plusieurs_offres; do
  text=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$BASE$path")
  json=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H 'Accept: application/json' "$BASE$path")
  filtered="$path?metier_data=DA&offres_dispo_only=true&code_region=84&code_departement=69&code_departement=38"
  other=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$BASE$filtered")
  printf '  %-50s text %s s   json %s s   filtered %s s\n' "$path" "${text#* }" "${json#* }" "${other#* }"
  for status in "${text% *}" "${json% *}" "${other% *}"; do
    [ "$status" = 200 ] || { echo "  unexpected status $status" >&2; exit 1; }
  done
done

mix() { # seconds seed
  BENCH_SEED="$2" wrk -t2 -c50 -d"$1s" --timeout 10s --latency -s scripts/bench-api-mix.lua "$BASE" 2>&1
}
report() { # label, wrk output, requests, computed, CPU ticks used
  local out="$2"
  p() { awk -v q="$1" '$1==q{print $2}' <<<"$out"; }
  local max errors non2xx
  max=$(awk '$1=="Latency"{print $4; exit}' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/{print $NF}' <<<"$out")
  errors=$(awk '/Socket errors:/{sub(/.*Socket errors: /,""); print}' <<<"$out")
  printf '%-10s p50 %8s  p90 %8s  p99 %8s  max %8s  %9s requests/s  non-2xx %s  socket errors %s  cached %s %%  CPU (application + PostgreSQL) %s ms/request  (load average %s)\n' \
    "$1" "$(p 50%)" "$(p 90%)" "$(p 99%)" "$max" "$(awk '$1=="Requests/sec:"{print $2}' <<<"$out")" \
    "${non2xx:-0}" "${errors:-none}" "$(awk -v r="$3" -v c="$4" 'BEGIN{printf "%.0f", (r > 0 ? 100 * (r - c) / r : 0)}')" \
    "$(awk -v t="$5" -v r="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", (r > 0 ? 1000 * t / hz / r : 0)}')" "$(load)"
}

for run in "warm-up:$WARMUP:1" "measured:$DURATION:2"; do
  IFS=: read -r label seconds seed <<<"$run"
  requests_before=$(processed cache); computed_before=$(processed 'sql|index'); ticks_before=$(cpu_ticks)
  out=$(mix "$seconds" "$seed")
  ticks=$(( $(cpu_ticks) - ticks_before ))
  requests=$(( $(processed cache) - requests_before )); computed=$(( $(processed 'sql|index') - computed_before ))
  report "$label" "$out" "$requests" "$computed" "$ticks"
done
